import type { ChildProcess } from 'node:child_process';
import { defaultGatewayTokenMaxLifetimeSeconds, gatewayTokenHeader, signGatewayToken } from '@ioc/kit';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import {
  forkBench,
  markdownTable,
  ms,
  percentile,
  request,
  startBenchDatabase,
  startGatewayProcess,
  stopChild,
  type BenchDatabase,
  type Cleanups,
  type GatewayProcess,
} from './support';

/**
 * The subscription benchmark's machinery (issue 4), run by `npm run bench:subscriptions` and by
 * `npm run bench:all`'s subscriptions part: the cross-subgraph alert subscription through the
 * gateway for each client count × filter-variant count. Subgraphs run in this process (small
 * seed); the gateway in its own process (its RSS is its own), a fresh one per client count; the
 * clients in load processes, one graphql-ws socket each. Each scenario raises alerts whose title
 * carries the time it was sent; clients timestamp delivery. Returns the printed report.
 */
export interface SubscriptionBenchOptions {
  clientCounts: number[];
  variantCounts: number[];
  eventsPerScenario: number;
  eventGapMs: number;
  loaderCount: number;
  /** A line per step (sockets open, each scenario's row). */
  log?: (line: string) => void;
}

export interface SubscriptionScenario {
  clients: number;
  variants: number;
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  rssPeakMiB: number;
  errors: number;
}

export interface SubscriptionBenchResult {
  scenarios: SubscriptionScenario[];
  /** The table and its caption, markdown. */
  report: string;
}

/** Reads the knobs shared by both scripts: BENCH_EVENTS, BENCH_EVENT_GAP_MS, BENCH_LOADERS (and the lists). */
export function subscriptionOptionsFromEnv(defaults: { clients: string; variants: string }): SubscriptionBenchOptions {
  const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);
  return {
    clientCounts: list('BENCH_CLIENTS', defaults.clients),
    variantCounts: list('BENCH_VARIANTS', defaults.variants),
    eventsPerScenario: Number(process.env.BENCH_EVENTS ?? 10),
    eventGapMs: Number(process.env.BENCH_EVENT_GAP_MS ?? 1000),
    loaderCount: Number(process.env.BENCH_LOADERS ?? 2),
  };
}

const subscription = `subscription BenchAlerts($systemId: String, $minSeverity: AlertSeverity, $kind: AlertKind, $agencyId: String, $after: String) {
  alertRaised(systemId: $systemId, minSeverity: $minSeverity, kind: $kind, agencyId: $agencyId, after: $after) {
    id sequence severity title status
    system { id nameVi ownerAgency { id nameVi } securityProfile { level approvalStatus } hosting { servers { id hostname health } } }
  }
}`;
const raise = `mutation RaiseAlert($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated alert { id sequence severity kind agency { id } system { id } } } }`;
// The contract's alert: an intrusion on iOffice's VM; Suricata priority 1 is CRITICAL.
const systemId = 'ioffice';
const serverId = 'vm-001';

export async function runSubscriptionBench(options: SubscriptionBenchOptions, cleanups: Cleanups): Promise<SubscriptionBenchResult> {
  const { clientCounts, variantCounts, eventsPerScenario, eventGapMs, loaderCount } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  let database: BenchDatabase | undefined;
  let stack: Stack | undefined;
  let gateway: GatewayProcess | undefined;
  const loaders: ChildProcess[] = [];
  const release = cleanups.add(async () => {
    for (const loader of loaders) await stopChild(loader);
    await gateway?.stop();
    await stack?.stop().catch(() => undefined);
    await database?.stop();
  });
  try {
    // The loaders' clock (see subscription-clients.ts): the system's wall clock.
    const now = () => Date.now();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    log('subscriptions: starting embedded PostgreSQL, the subgraphs (small seed) and a gateway process…');
    database = await startBenchDatabase();
    stack = await startStack({ adminUrl: database.adminUrl, seed: 'small' });
    const ready = stack;
    // A fresh gateway process for each client count, so that its RSS is that run's.
    const startGateway = () =>
      startGatewayProcess({
        supergraphPath: ready.supergraphPath,
        auth: devAuthOptions(ready.secrets),
        // 10,000 screens share one benchmark identity here; the default rate (1,200 a minute per
        // caller) would refuse most of their subscribe messages.
        limits: { ratePerMinute: 1_000_000_000 },
      });
    const security = stack.subgraphs.get('security')!.url;
    const analyst = { [gatewayTokenHeader]: await signGatewayToken({ subject: 'bench-soc', role: 'soc-analyst' }, stack.secrets.gatewayTokenSecret, defaultGatewayTokenMaxLifetimeSeconds) };
    // SOC screens: alert fields are for the SOC (viewers may not read them).
    const screenToken = await stack.tokenFor('soc-analyst');
    const rssIdle: string[] = [];

    interface Raised {
      sequence: string;
      severity: string;
      kind: string;
      agency: { id: string };
    }
    /** Raises an alert straight on the security subgraph (as the gateway would forward a soc-analyst's mutation). */
    async function raiseAlert(title: string): Promise<{ alert: Raised; sentAt: number; answeredAt: number }> {
      const sentAt = now();
      const response = await fetch(security, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...analyst },
        body: JSON.stringify({ query: raise, variables: { input: { kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '1', title: `${title} ${sentAt.toFixed(3)}`, systemId, serverId } } }),
      });
      const body = (await response.json()) as { data?: { raiseAlert: { deduplicated: boolean; alert: Raised } }; errors?: unknown[] };
      const answeredAt = now();
      if (!body.data || body.errors) throw new Error(`raiseAlert failed: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
      if (body.data.raiseAlert.deduplicated) throw new Error('raiseAlert was deduplicated: titles must be unique');
      return { alert: body.data.raiseAlert.alert, sentAt, answeredAt };
    }

    const first = await raiseAlert(`bench-sub setup probe 0`);
    let lastSequence = first.alert.sequence;
    const agencyId = first.alert.agency.id;

    /**
     * Distinct argument sets that all match the benchmark's alerts, most natural first: the real
     * filters (system, minimum severity, kind, owner agency: 40 combinations), then the same with a
     * resume cursor as reconnecting screens send (the latest sequence, or the one before).
     */
    function variants(count: number, latest: string): Array<Record<string, unknown>> {
      const out: Array<Record<string, unknown>> = [];
      const afters = [undefined, latest, String(BigInt(latest) - 1n)];
      for (const after of afters)
        for (const agency of [undefined, agencyId])
          for (const kind of [undefined, 'INTRUSION'])
            for (const system of [systemId, undefined])
              for (const minSeverity of ['HIGH', undefined, 'CRITICAL', 'MEDIUM', 'LOW']) {
                const v: Record<string, unknown> = {};
                if (system) v.systemId = system;
                if (minSeverity) v.minSeverity = minSeverity;
                if (kind) v.kind = kind;
                if (agency) v.agencyId = agency;
                if (after) v.after = after;
                out.push(v);
              }
      if (count > out.length) throw new Error(`at most ${out.length} distinct matching variants`);
      return out.slice(0, count);
    }

    const ask = <T>(loader: ChildProcess, message: Record<string, unknown> & { type: string }, timeoutMs = 120_000) =>
      request<T>(loader, message, `${message.type}-done`, timeoutMs);
    const askAll = <T>(message: (i: number) => Record<string, unknown> & { type: string }, timeoutMs?: number) =>
      Promise.all(loaders.map((loader, i) => ask<T>(loader, message(i), timeoutMs)));

    interface Status {
      live: number;
      connected: number;
      errors: number;
      firstError?: string;
    }
    interface Collected {
      events: Array<{ seq: number; latencies: number[] }>;
      incomplete: number;
      errors: number;
      firstError?: string;
      closedDuring: number;
      connected: number;
      closeReasons: string[];
    }

    const metricNames = {
      upstream: 'ioc_gateway_upstream_subscriptions',
      active: 'ioc_gateway_subscriptions_active',
      groups: 'ioc_gateway_subscription_groups',
      events: 'ioc_gateway_subscription_events_total',
      rest: 'ioc_gateway_subscription_rest_executions_total',
      upstreamConnections: 'ioc_gateway_upstream_connections',
    };
    const readMetrics = async () => {
      const text = await (await fetch(`${gateway!.base}/metrics`)).text();
      const value = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.slice(name.length + 1) ?? NaN);
      return Object.fromEntries(Object.entries(metricNames).map(([key, name]) => [key, value(name)])) as Record<keyof typeof metricNames, number>;
    };

    /** Waits (bounded) until the gateway has completed every event it received: no rest execution for 1 s. */
    const settle = async () => {
      const deadline = now() + 60_000;
      let last = (await readMetrics()).rest;
      let stillSince = now();
      while (now() - stillSince < 1000 && now() < deadline) {
        await sleep(200);
        const rest = (await readMetrics()).rest;
        if (rest !== last) stillSince = now();
        last = rest;
      }
    };

    const rows: Array<Array<string | number>> = [];
    const scenarios: SubscriptionScenario[] = [];
    for (const clients of clientCounts) {
      for (const loader of loaders.splice(0)) await stopChild(loader);
      await gateway?.stop();
      gateway = await startGateway();
      await sleep(1000);
      rssIdle.push(`${gateway.rssMiB().toFixed(0)}`);
      for (let i = 0; i < loaderCount; i++) loaders.push(forkBench('subscription-clients.ts'));
      const perLoader = Math.ceil(clients / loaderCount);
      const connectStarted = now();
      const connected = await askAll<{ open: number; failed: number; firstClose?: string }>(() => ({ type: 'connect', url: gateway!.url, token: screenToken, count: perLoader }), 300_000);
      const open = connected.reduce((s, c) => s + c.open, 0);
      log(`  ${open} sockets open (${((now() - connectStarted) / 1000).toFixed(1)} s)${connected.some((c) => c.failed) ? `; failed: ${connected.map((c) => `${c.failed} ${c.firstClose ?? ''}`).join(', ')}` : ''}`);

      for (const variantCount of variantCounts) {
        const scenario = `n${clients}v${variantCount}`;
        const list = variants(variantCount, lastSequence);
        await askAll((i) => ({ type: 'subscribe', scenario, query: subscription, variants: list, offset: i * perLoader }));

        // Upstream subscriptions open asynchronously: probe until every client has seen one. A
        // probe is given time to arrive before the next, so probes never pile up ahead of the
        // measured alerts.
        const liveDeadline = now() + 120_000;
        for (let probe = 1; ; probe++) {
          lastSequence = (await raiseAlert(`bench-sub ${scenario} probe ${probe}`)).alert.sequence;
          let live = 0;
          let grewAt = now();
          while (now() - grewAt < 3000) {
            await sleep(250);
            const status = await askAll<Status>(() => ({ type: 'status', scenario }));
            const seen = status.reduce((s, x) => s + x.live, 0);
            if (seen > live) grewAt = now();
            live = seen;
            if (live >= open) break;
            if (now() > liveDeadline) {
              throw new Error(`${scenario}: only ${live} of ${open} clients live after 120 s; errors: ${status.map((s) => s.firstError).filter(Boolean).join(' | ')}`);
            }
          }
          if (live >= open) break;
        }
        await settle();
        const before = await readMetrics();
        let rssPeak = gateway.rssMiB();
        const rssAfterSubscribe = rssPeak;
        const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, gateway!.rssMiB())), 100);

        const triggers = new Map<number, { sentAt: number; answeredAt: number }>();
        for (let seq = 1; seq <= eventsPerScenario; seq++) {
          const started = now();
          const raised = await raiseAlert(`bench-sub ${scenario} event ${seq}`);
          lastSequence = raised.alert.sequence;
          triggers.set(seq, { sentAt: raised.sentAt, answeredAt: raised.answeredAt });
          await sleep(Math.max(0, eventGapMs - (now() - started)));
        }
        // Wait for the deliveries (bounded), then count.
        const expected = open * eventsPerScenario;
        let collected: Collected[] = [];
        const deliveryDeadline = now() + 30_000;
        for (;;) {
          collected = await askAll<Collected>(() => ({ type: 'collect', scenario }));
          const delivered = collected.reduce((s, c) => s + c.events.reduce((t, e) => t + e.latencies.length, 0), 0);
          if (delivered >= expected || now() > deliveryDeadline) break;
          await sleep(500);
        }
        clearInterval(sampler);
        await settle();
        const after = await readMetrics();

        // Latency from the mutation's answer (which follows its commit) to delivery at the client.
        const fromCommit: number[] = [];
        for (const c of collected) {
          for (const event of c.events) {
            const trigger = triggers.get(event.seq)!;
            const shift = trigger.answeredAt - trigger.sentAt;
            for (const latency of event.latencies) fromCommit.push(latency - shift);
          }
        }
        fromCommit.sort((a, b) => a - b);
        const mutationRtt = [...triggers.values()].map((t) => t.answeredAt - t.sentAt).sort((a, b) => a - b);
        const events = after.events - before.events;
        const rest = after.rest - before.rest;
        const incomplete = collected.reduce((s, c) => s + c.incomplete, 0);
        const errors = collected.reduce((s, c) => s + c.errors, 0);
        const dropped = collected.reduce((s, c) => s + c.closedDuring, 0);
        const row = [
          clients,
          variantCount,
          `${fromCommit.length}/${expected}`,
          ms(percentile(fromCommit, 50)),
          ms(percentile(fromCommit, 99)),
          ms(fromCommit[fromCommit.length - 1] ?? NaN),
          ms(percentile(mutationRtt, 50)),
          rssAfterSubscribe.toFixed(0),
          rssPeak.toFixed(0),
          before.upstream,
          before.groups,
          (events / eventsPerScenario).toFixed(1),
          (rest / eventsPerScenario).toFixed(1),
          `${errors + incomplete + dropped}${errors + incomplete + dropped ? ` (${[collected.map((c) => c.firstError).find(Boolean), incomplete ? `${incomplete} incomplete` : '', dropped ? `${dropped} sockets closed: ${collected.flatMap((c) => c.closeReasons).join('; ')}` : ''].filter(Boolean).join(', ')})` : ''}`,
        ];
        rows.push(row);
        scenarios.push({ clients, variants: variantCount, delivered: fromCommit.length, expected, p50: percentile(fromCommit, 50), p99: percentile(fromCommit, 99), rssPeakMiB: rssPeak, errors: errors + incomplete + dropped });
        log(`  ${scenario}: ${row.join(' · ')}`);

        await askAll(() => ({ type: 'unsubscribe' }));
        const quietDeadline = now() + 30_000;
        while ((await readMetrics()).active > 0 && now() < quietDeadline) await sleep(250);
      }
    }

    const report = [
      '## Subscriptions — alertRaised with system name, owner agency (egov), grading level (security), hosting servers (infrastructure)',
      '',
      `Subgraphs in the bench process (small seed); gateway in its own process; clients in ${loaderCount} load processes, one graphql-ws socket per client, all soc-analyst (one auth scope). ${eventsPerScenario} alerts per scenario, one every ${eventGapMs} ms, raised straight on the security subgraph. Latency (ms) from the mutation's answer (just after its commit) to receipt at the client; mutation RTT is the raiseAlert round trip. Gateway RSS in MiB; a fresh gateway process per client count (${rssIdle.join(' / ')} MiB before any client), scenarios in table order. Per-event figures are /metrics deltas over the scenario's alerts. Target: p99 < 250 ms at 10,000 clients × 100 variants.`,
      '',
      markdownTable(
        ['clients', 'variants', 'delivered', 'p50', 'p99', 'max', 'mutation RTT p50', 'RSS subscribed', 'RSS peak', 'upstream subs', 'groups', 'upstream events / alert', 'rest executions / alert', 'errors'],
        rows,
      ),
    ].join('\n');
    return { scenarios, report };
  } finally {
    await release();
  }
}
