import { isDeepStrictEqual } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { gatewayTokenHeader } from '@ioc/kit';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import type { AutocannonJob } from './autocannon-load';
import { growthExpectedSeconds, growthOptionsFromEnv, runGrowthBench } from './growth-bench';
import { checkCalls, dataOf, jsonBodies, runLoad, startHttpBench, type HttpBench } from './http-bench';
import { ingestOptionsFromEnv, runIngestBench } from './ingest-bench';
import type { HttpCall, LoadResult } from './http-load';
import type { PeerGatewayConfig } from './peer-gateway-process';
import { alertList, btsList, scorecard } from './queries';
import { runSubscriptionBench, subscriptionOptionsFromEnv } from './subscription-bench';
import { Cleanups, cpuMs, forkBench, guard, machineLine, markdownTable, ms, peakRssMiB, postgresCpuMs, request, startGatewayProcess, stopChild } from './support';

/**
 * `npm run bench:all` (issue 14): the benchmark suite in one run, in parts, each printing its
 * table as it ends (the expected duration is printed first, then a line per point):
 *
 * 1. **peers**: the peers side by side. The scorecard, a district's
 * BTS page and the SOC's alert list, at each concurrency, against (a) the subgraphs called
 * directly with the plan's fetches, (b) stock @apollo/gateway 2.14.4, (c) Hive Gateway 2.15.1
 * with its defaults, (d) our gateway as production runs it. Every route's `data` is checked
 * first; rounds are interleaved; autocannon (one request per operation) or http-load (the direct
 * plans, whose fetches come in stages) runs in its own process. Printed per point: requests/s,
 * p50, p99, errors, CPU per request of the gateway, the subgraphs and PostgreSQL, the gateway's
 * peak RSS; then ours as a ratio of (b) and (c).
 *    Knobs: BENCH_SEED (full|small, default full), BENCH_SECONDS per point (20),
 *    BENCH_WARMUP_SECONDS (5), BENCH_ROUNDS (2), BENCH_CONCURRENCY ("10,50").
 * 2. **subscriptions** (subscription-bench.ts, as `npm run bench:subscriptions`): 10,000 clients
 *    over 100 filter variants by default, p50/p99 from commit to delivery (target p99 < 250 ms)
 *    and the gateway's RSS. Knobs: BENCH_CLIENTS ("10000"), BENCH_VARIANTS ("100"), BENCH_EVENTS
 *    (10), BENCH_EVENT_GAP_MS (1000), BENCH_LOADERS (2).
 * 3. **ingest** (ingest-bench.ts, as `npm run bench:ingest`, shorter): Wazuh then Suricata through
 *    the gateway against the PostgreSQL floor. Knobs: BENCH_INGEST_SECONDS per source (20 here,
 *    60 in bench:ingest), BENCH_INGEST_SENDERS (4), BENCH_INGEST_LINES (2000).
 * 4. **growth** (growth-bench.ts): the scorecard and the dossier drill-down through our gateway
 *    at 1×, 4× and 16× the seeded activity (SEED_SCALE). Knobs: BENCH_GROWTH_SCALES ("1,4,16"),
 *    BENCH_GROWTH_SECONDS (10), BENCH_GROWTH_WARMUP_SECONDS (3), BENCH_GROWTH_CONCURRENCY (10).
 *
 * BENCH_PARTS selects parts ("peers,subscriptions,ingest,growth", the default: all, in that order).
 * Each part starts and stops its own database and processes, so parts never overlap.
 */
const seed = process.env.BENCH_SEED === 'small' ? 'small' : 'full';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '10,50').split(',').map(Number);

type RouteName = 'direct' | 'apollo' | 'hive' | 'ours';
const routeLabels: Record<RouteName, string> = {
  direct: '(a) subgraphs directly',
  apollo: '(b) stock @apollo/gateway',
  hive: '(c) Hive Gateway',
  ours: '(d) ours',
};

const fail = (message: string): never => {
  console.error(`bench:all: ${message}`);
  process.exit(2);
};
const allParts = ['peers', 'subscriptions', 'ingest', 'growth'] as const;
type Part = (typeof allParts)[number];
const asked = (process.env.BENCH_PARTS ?? allParts.join(',')).split(',').map((part) => part.trim()).filter(Boolean);
const unknownParts = asked.filter((part) => !(allParts as readonly string[]).includes(part));
if (unknownParts.length || !asked.length) fail(`BENCH_PARTS must list parts among ${allParts.join(', ')}; got ${JSON.stringify(process.env.BENCH_PARTS)}`);
const parts: Part[] = allParts.filter((part) => asked.includes(part));
const subscriptionOptions = subscriptionOptionsFromEnv({ clients: '10000', variants: '100' });
const ingestOptions = ingestOptionsFromEnv(20);
const growthOptions = (() => {
  try {
    return growthOptionsFromEnv();
  } catch (error) {
    return fail((error as Error).message);
  }
})();

/** Each part's seconds as configured, with set-up times seen on this machine (an estimate). */
const expectedSeconds: Record<Part, number> = {
  peers: 90 + rounds * 3 * concurrencies.length * 4 * (warmupSeconds + seconds + 1),
  subscriptions:
    60 +
    subscriptionOptions.clientCounts.reduce(
      (sum, clients) => sum + 10 + clients / 500 + subscriptionOptions.variantCounts.length * (20 + (subscriptionOptions.eventsPerScenario * subscriptionOptions.eventGapMs) / 1000),
      0,
    ),
  ingest: 75 + 2 * (ingestOptions.seconds + 2),
  growth: growthExpectedSeconds(growthOptions),
};
const totalExpected = parts.reduce((sum, part) => sum + expectedSeconds[part], 0);

const cleanups = new Cleanups();
const run = guard('bench:all', Math.max(90 * 60, 2 * totalExpected) * 1000, () => cleanups.runAll());

/** Part 1: the peers side by side; returns its tables. */
async function peersPart(): Promise<string> {
  const children: ChildProcess[] = [];
  let bench: HttpBench | undefined;
  const release = cleanups.add(async () => {
    for (const child of children) await stopChild(child);
    await bench?.stop();
  });
  try {
    return await peers(children, (started) => (bench = started));
  } finally {
    await release();
  }
}

async function peers(children: ChildProcess[], started: (bench: HttpBench) => void): Promise<string> {
  console.log(`bench:all · peers: embedded PostgreSQL and the stack on the ${seed} seed…`);
  const bench = await startHttpBench(seed);
  started(bench);
  const { stack } = bench;
  const pgPort = Number(new URL(stack.database.url).port);
  const principal = { subject: 'bench', role: 'soc-analyst' as const };
  const bearer = { authorization: `Bearer ${await stack.tokenFor('soc-analyst')}` };
  const gatewayToken = async () => (await bench!.direct(principal))[gatewayTokenHeader]!;

  const ours = await startGatewayProcess({ supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), limits: { ratePerMinute: 1_000_000_000 } });
  bench.gateways.push(ours);
  const peers = new Map<'apollo' | 'hive', { url: string; child: ChildProcess }>();
  for (const kind of ['apollo', 'hive'] as const) {
    const child = forkBench('peer-gateway-process.ts');
    children.push(child);
    const config: PeerGatewayConfig = { kind, supergraphPath: stack.supergraphPath, gatewayToken: await gatewayToken() };
    const { url } = await request<{ url: string }>(child, { type: 'start', config }, 'ready', 120_000);
    peers.set(kind, { url, child });
  }
  const cannon = forkBench('autocannon-load.ts');
  children.push(cannon);
  const gatewayUrl: Record<Exclude<RouteName, 'direct'>, string> = { apollo: peers.get('apollo')!.url, hive: peers.get('hive')!.url, ours: ours.url };
  const gatewayPid: Record<Exclude<RouteName, 'direct'>, number> = { apollo: peers.get('apollo')!.child.pid!, hive: peers.get('hive')!.child.pid!, ours: ours.pid };

  // The direct plans. The alert list's second stage needs the page's systems: read once (the data does not move during the run).
  const at = async (subgraph: string, query: string, variables: Array<Record<string, unknown>>): Promise<HttpCall> => ({
    url: bench!.subgraphUrl(subgraph),
    headers: await bench!.direct(principal),
    bodies: jsonBodies(query, variables),
  });
  const page = (await dataOf(bench.subgraphUrl('security'), await bench.direct(principal), JSON.stringify({ query: alertList.direct.security }))) as {
    alerts: { nodes: Array<{ system: { id: string } | null }> };
  };
  const systems = [...new Set(page.alerts.nodes.flatMap((node) => (node.system ? [node.system.id] : [])))].map((id) => ({ __typename: 'InformationSystem', id }));
  const operations = [
    {
      name: 'scorecard (4 subgraphs)',
      body: jsonBodies(scorecard.query, scorecard.variables),
      direct: async () => [[await at('egov', scorecard.direct.egov.query, scorecard.direct.egov.variables)], await Promise.all(scorecard.direct.entities.map((e) => at(e.subgraph, e.query, e.variables)))],
    },
    {
      name: 'BTS page by district (50)',
      body: jsonBodies(btsList.query, btsList.variables),
      direct: async () => [[await at('infrastructure', btsList.direct.query, btsList.variables)]],
    },
    {
      name: 'alert list (3 subgraphs, 20)',
      body: jsonBodies(alertList.query, alertList.variables),
      direct: async () => [[await at('security', alertList.direct.security, [{}])], await Promise.all(alertList.direct.entities.map((e) => at(e.subgraph, e.query, [{ representations: systems }])))],
    },
  ];

  // Identical data from the three gateways for every body; the direct plans answer without errors.
  for (const operation of operations) {
    for (const body of operation.body) {
      const [apollo, hive, ourData] = await Promise.all((['apollo', 'hive', 'ours'] as const).map((route) => dataOf(gatewayUrl[route], bearer, body)));
      if (!isDeepStrictEqual(apollo, ourData) || !isDeepStrictEqual(hive, ourData)) throw new Error(`${operation.name}: the gateways' data differ for ${body}`);
    }
    await checkCalls(`${operation.name} (direct)`, await operation.direct());
  }
  console.log('bench:all: identical data from stock @apollo/gateway, Hive Gateway and ours for every request; the direct plans answer without errors');

  const loadOn = async (route: RouteName, operation: (typeof operations)[number], connections: number): Promise<LoadResult> => {
    if (route === 'direct') {
      // A fresh gateway token per point: a subgraph accepts one for 300 s at most.
      const stages = await operation.direct();
      return runLoad(bench!.load, stages, { concurrency: connections, warmupMs: warmupSeconds * 1000, durationMs: seconds * 1000 });
    }
    if (route !== 'ours') {
      // A fresh gateway token for the peer's point, as for the direct plans; checked by one request.
      await request(peers.get(route)!.child, { type: 'token', gatewayToken: await gatewayToken() }, 'token-set', 10_000);
      await dataOf(gatewayUrl[route], bearer, operation.body[0]!);
    }
    const job: AutocannonJob = { type: 'run', url: gatewayUrl[route], headers: bearer, bodies: operation.body, connections, warmupMs: warmupSeconds * 1000, durationMs: seconds * 1000 };
    return request<LoadResult>(cannon, job, 'result', (warmupSeconds + seconds) * 1000 + 60_000);
  };

  interface Point {
    result: LoadResult;
    gatewayCpu: number;
    subgraphCpu: number;
    postgresCpu: number;
  }
  const points = new Map<string, Point[]>();
  const routes: RouteName[] = ['direct', 'apollo', 'hive', 'ours'];
  for (let round = 1; round <= rounds; round++) {
    for (const operation of operations) {
      for (const connections of concurrencies) {
        for (const route of routes) {
          const gatewayBefore = route === 'direct' ? 0 : cpuMs(gatewayPid[route]);
          const subgraphsBefore = process.cpuUsage();
          const postgresBefore = postgresCpuMs(pgPort);
          const result = await loadOn(route, operation, connections);
          // Warm-up CPU is included: per request it is divided over measured requests only, so these are upper bounds.
          const subgraphs = process.cpuUsage(subgraphsBefore);
          const key = `${operation.name}|${connections}|${route}`;
          const point: Point = {
            result,
            gatewayCpu: route === 'direct' ? 0 : cpuMs(gatewayPid[route]) - gatewayBefore,
            subgraphCpu: (subgraphs.user + subgraphs.system) / 1000,
            postgresCpu: postgresCpuMs(pgPort) - postgresBefore,
          };
          points.set(key, [...(points.get(key) ?? []), point]);
          console.log(`  round ${round} · ${operation.name} · c=${connections} · ${routeLabels[route]}: ${result.rps.toFixed(0)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`);
        }
      }
    }
  }

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const rows: Array<Array<string | number>> = [];
  const ratios: Array<Array<string | number>> = [];
  for (const operation of operations) {
    for (const connections of concurrencies) {
      const rps: Partial<Record<RouteName, number>> = {};
      const p99: Partial<Record<RouteName, number>> = {};
      for (const route of routes) {
        const list = points.get(`${operation.name}|${connections}|${route}`)!;
        const requests = list.reduce((sum, p) => sum + p.result.requests, 0);
        const perRequest = (cpu: (p: Point) => number) => ms(list.reduce((sum, p) => sum + cpu(p), 0) / Math.max(1, requests), 2);
        rps[route] = mean(list.map((p) => p.result.rps));
        p99[route] = mean(list.map((p) => p.result.p99));
        rows.push([
          operation.name,
          connections,
          routeLabels[route],
          rps[route]!.toFixed(0),
          ms(mean(list.map((p) => p.result.p50))),
          ms(p99[route]!),
          list.reduce((sum, p) => sum + p.result.errors, 0),
          route === 'direct' ? '–' : perRequest((p) => p.gatewayCpu),
          perRequest((p) => p.subgraphCpu),
          perRequest((p) => p.postgresCpu),
        ]);
      }
      // A point with no answer inside its window (the window shorter than a request) has no ratio.
      const ratio = (peer: number) => (rps.ours! > 0 && peer > 0 ? (rps.ours! / peer).toFixed(2) : 'n/a');
      const verdict = rps.ours! > 0 && rps.hive! > 0 ? (rps.ours! >= 1.2 * rps.hive! && p99.ours! <= p99.hive! ? 'met' : 'missed') : 'n/a';
      ratios.push([operation.name, connections, ratio(rps.apollo!), ratio(rps.hive!), verdict]);
    }
  }

  return [
    `## Peers — ${seed} seed, ${rounds} interleaved round(s) of ${warmupSeconds} s warm-up + ${seconds} s per point (means of the rounds)`,
    '',
    markdownTable(['operation', 'c', 'route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'gateway CPU ms/req', 'subgraphs CPU ms/req', 'PostgreSQL CPU ms/req'], rows),
    '',
    markdownTable(['operation', 'c', 'ours ÷ stock Apollo (req/s)', 'ours ÷ Hive (req/s)', 'target ≥ 1.2× Hive, p99 ≤ Hive'], ratios),
    '',
    `Peak RSS (VmHWM) of each gateway process over the run: ours ${peakRssMiB(ours.pid).toFixed(0)} MiB, stock @apollo/gateway ${peakRssMiB(gatewayPid.apollo).toFixed(0)} MiB, Hive Gateway ${peakRssMiB(gatewayPid.hive).toFixed(0)} MiB`,
  ].join('\n');
}

const minutes = (secondsTotal: number) => `${(secondsTotal / 60).toFixed(1)} min`;
run.run(async () => {
  const startedAt = Date.now();
  console.log(`bench:all: parts ${parts.join(', ')}; expected about ${minutes(totalExpected)} (${parts.map((part) => `${part} ~${minutes(expectedSeconds[part])}`).join(', ')}), started ${new Date(startedAt).toISOString()}`);
  const reports: string[] = [];
  const part = async (name: Part, work: () => Promise<string>) => {
    if (!parts.includes(name)) return;
    const began = Date.now();
    console.log(`bench:all: part ${name} (expected ~${minutes(expectedSeconds[name])})…`);
    const report = await work();
    reports.push(report);
    console.log(`bench:all: part ${name} done in ${minutes((Date.now() - began) / 1000)}; ${machineLine().replace(' (at the end of the run; the machine is shared)', '')}`);
    console.log('');
    console.log(report);
    console.log('');
  };
  await part('peers', peersPart);
  await part('subscriptions', async () => {
    // The default is the issue's point (10,000 × 100): its target is printed with the table.
    const { report, scenarios } = await runSubscriptionBench(subscriptionOptions, cleanups);
    const verdicts = scenarios
      .filter((scenario) => scenario.clients >= 10_000 && scenario.variants >= 100)
      .map((scenario) => `${scenario.clients} × ${scenario.variants}: p99 ${ms(scenario.p99)} ms — target < 250 ms ${scenario.p99 < 250 && scenario.delivered === scenario.expected ? 'met' : 'missed'}`);
    return verdicts.length ? `${report}\n\n${verdicts.join('\n')}` : report;
  });
  await part('ingest', async () => (await runIngestBench(ingestOptions, cleanups)).report);
  await part('growth', async () => (await runGrowthBench({ ...growthOptions, log: (line) => console.log(line) }, cleanups)).report);
  console.log(`## npm run bench:all — parts ${parts.join(', ')}, ${minutes((Date.now() - startedAt) / 1000)} (expected ${minutes(totalExpected)})`);
  console.log('');
  console.log(reports.join('\n\n'));
  console.log('');
  console.log(machineLine());
});
