import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { gatewayTokenHeader } from '@ioc/kit';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import type { AutocannonJob } from './autocannon-load';
import { checkCalls, jsonBodies, runLoad, startHttpBench, type HttpBench } from './http-bench';
import type { HttpCall, LoadResult } from './http-load';
import type { PeerGatewayConfig } from './peer-gateway-process';
import { alertList, btsList, scorecard } from './queries';
import { cpuMs, forkBench, guard, machineLine, markdownTable, ms, postgresCpuMs, request, startGatewayProcess, stopChild } from './support';

/**
 * `npm run bench:all` (issue 14): the peers side by side in one run. The scorecard, a district's
 * BTS page and the SOC's alert list, at each concurrency, against (a) the subgraphs called
 * directly with the plan's fetches, (b) stock @apollo/gateway 2.14.4, (c) Hive Gateway 2.15.1
 * with its defaults, (d) our gateway as production runs it. Every route's `data` is checked
 * first; rounds are interleaved; autocannon (one request per operation) or http-load (the direct
 * plans, whose fetches come in stages) runs in its own process. Printed per point: requests/s,
 * p50, p99, errors, CPU per request of the gateway, the subgraphs and PostgreSQL, the gateway's
 * peak RSS; then ours as a ratio of (b) and (c).
 *
 * Knobs: BENCH_SEED (full|small, default full), BENCH_SECONDS per point (20), BENCH_WARMUP_SECONDS
 * (5), BENCH_ROUNDS (2), BENCH_CONCURRENCY ("10,50").
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

const children: ChildProcess[] = [];
let bench: HttpBench | undefined;
const run = guard('bench:all', 90 * 60_000, async () => {
  for (const child of children) await stopChild(child);
  await bench?.stop();
});

const peakRssMiB = (pid: number) => Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** The data an answer carries, failing loudly on errors: routes are compared on it. */
async function dataOf(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || answer.errors?.length) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 800)}`);
  return answer.data;
}

run.run(async () => {
  console.log(`bench:all: embedded PostgreSQL and the stack on the ${seed} seed…`);
  bench = await startHttpBench(seed);
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

  console.log('');
  console.log(`## npm run bench:all — ${seed} seed, ${rounds} interleaved round(s) of ${warmupSeconds} s warm-up + ${seconds} s per point (means of the rounds)`);
  console.log('');
  console.log(markdownTable(['operation', 'c', 'route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'gateway CPU ms/req', 'subgraphs CPU ms/req', 'PostgreSQL CPU ms/req'], rows));
  console.log('');
  console.log(markdownTable(['operation', 'c', 'ours ÷ stock Apollo (req/s)', 'ours ÷ Hive (req/s)', 'target ≥ 1.2× Hive, p99 ≤ Hive'], ratios));
  console.log('');
  console.log(
    `Peak RSS (VmHWM) of each gateway process over the run: ours ${peakRssMiB(ours.pid).toFixed(0)} MiB, stock @apollo/gateway ${peakRssMiB(gatewayPid.apollo).toFixed(0)} MiB, Hive Gateway ${peakRssMiB(gatewayPid.hive).toFixed(0)} MiB`,
  );
  console.log('');
  console.log(machineLine());
});
