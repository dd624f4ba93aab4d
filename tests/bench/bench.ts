import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { checkCalls, jsonBodies, runLoad, seedTimeline, startHttpBench, type HttpBench } from './http-bench';
import type { HttpCall } from './http-load';
import { btsList, dossierDrillDown, scorecard } from './queries';
import { guard, machineLine, markdownTable, ms, startGatewayProcess } from './support';

/**
 * `npm run bench` (issue 3): the whole stack on the full seed on a throwaway embedded
 * PostgreSQL; the full seed's time; then for the scorecard, a district's BTS page and a
 * district's 2022 dossier drill-down: p50/p99 and requests/s through the gateway, beside the
 * same work sent straight to the subgraph(s). The load generator is a separate process.
 *
 * Knobs: BENCH_SEED (full|small, default full), BENCH_SECONDS per measurement (default 6),
 * BENCH_WARMUP_SECONDS (default 2), BENCH_CONCURRENCY (default "1,8"), BENCH_GATEWAY_CPU_PROF (a
 * folder where the gateway process writes a V8 CPU profile).
 */
const seed = process.env.BENCH_SEED === 'small' ? 'small' : 'full';
const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);

let bench: HttpBench | undefined;
const run = guard('bench', 5 * 60_000, async () => bench?.stop());

run.run(async () => {
  console.log(`bench: starting embedded PostgreSQL and the stack on the ${seed} seed…`);
  bench = await startHttpBench(seed);
  const timeline = await seedTimeline(bench.stack.database.url);

  // The bench's gateway runs in its own process (as `npm start` runs it), with the stack's keys.
  // Its rate limit is lifted: the default (1,200 a minute per caller) would cap one benchmark
  // caller at 20 requests/s.
  const profile = process.env.BENCH_GATEWAY_CPU_PROF;
  const gateway = await startGatewayProcess(
    { supergraphPath: bench.stack.supergraphPath, auth: devAuthOptions(bench.stack.secrets), limits: { ratePerMinute: 1_000_000_000 } },
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  bench.gateways.push(gateway);

  const viewer = { subject: 'bench', role: 'ioc-viewer' as const };
  const bearer = await bench.bearer();
  const direct = await bench.direct(viewer);
  const at = (subgraph: string, query: string, variables: Array<Record<string, unknown>>): HttpCall => ({
    url: bench!.subgraphUrl(subgraph),
    headers: direct,
    bodies: jsonBodies(query, variables),
  });
  const viaGateway = (query: string, variables: Array<Record<string, unknown>>): HttpCall[][] => [[{ url: gateway.url, headers: bearer, bodies: jsonBodies(query, variables) }]];

  const cases: Array<{ name: string; route: string; stages: HttpCall[][] }> = [
    { name: 'scorecard (4 subgraphs)', route: 'gateway', stages: viaGateway(scorecard.query, scorecard.variables) },
    {
      name: 'scorecard (4 subgraphs)',
      route: 'direct: egov, then infra + security + economy in parallel',
      stages: [[at('egov', scorecard.direct.egov.query, scorecard.direct.egov.variables)], scorecard.direct.entities.map((e) => at(e.subgraph, e.query, e.variables))],
    },
    { name: 'BTS page by district (50)', route: 'gateway', stages: viaGateway(btsList.query, btsList.variables) },
    { name: 'BTS page by district (50)', route: 'direct: infrastructure', stages: [[at('infrastructure', btsList.direct.query, btsList.variables)]] },
    { name: 'dossier drill-down by district, 2022', route: 'gateway', stages: viaGateway(dossierDrillDown.query, dossierDrillDown.variables) },
    { name: 'dossier drill-down by district, 2022', route: 'direct: egov', stages: [[at('egov', dossierDrillDown.query, dossierDrillDown.variables)]] },
  ];

  // Which subgraph serves most of the scorecard: the slowest of its four parts, alone, one at a time.
  const parts = [
    { subgraph: 'egov', call: at('egov', scorecard.direct.egov.query, scorecard.direct.egov.variables) },
    ...scorecard.direct.entities.map((e) => ({ subgraph: e.subgraph, call: at(e.subgraph, e.query, e.variables) })),
  ];
  const partMedians: string[] = [];
  let heaviest = { subgraph: '', median: -1, call: parts[0]!.call };
  for (const part of parts) {
    await checkCalls(`scorecard part ${part.subgraph}`, [[part.call]]);
    const result = await runLoad(bench.load, [[part.call]], { concurrency: 1, warmupMs: 500, durationMs: 1500 });
    partMedians.push(`${part.subgraph} ${ms(result.p50)} ms`);
    if (result.p50 > heaviest.median) heaviest = { subgraph: part.subgraph, median: result.p50, call: part.call };
  }
  cases.splice(2, 0, { name: 'scorecard (4 subgraphs)', route: `direct: ${heaviest.subgraph} part only (the heaviest)`, stages: [[heaviest.call]] });

  for (const c of cases) await checkCalls(`${c.name} (${c.route})`, c.stages);

  const rows: Array<Array<string | number>> = [];
  for (const c of cases) {
    for (const concurrency of concurrencies) {
      const result = await runLoad(bench.load, c.stages, { concurrency, warmupMs: warmupSeconds * 1000, durationMs: seconds * 1000 });
      rows.push([c.name, c.route, concurrency, result.requests, result.rps.toFixed(0), ms(result.p50), ms(result.p99), result.errors ? `${result.errors} (${result.firstError})` : 0]);
      console.log(`  ${c.name} · ${c.route} · c=${concurrency}: ${result.rps.toFixed(0)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms`);
    }
  }

  const stackStart = bench.stackStartedAt;
  let previous = stackStart;
  const seedRows = timeline.map((entry) => {
    const end = entry.seededAt.getTime();
    const row = [entry.domain, ((end - previous) / 1000).toFixed(1), Object.entries(entry.counts).map(([k, v]) => `${k} ${v}`).join(', ')];
    previous = end;
    return row;
  });
  const seedSeconds = timeline.length ? ((timeline[timeline.length - 1]!.seededAt.getTime() - stackStart) / 1000).toFixed(1) : 'n/a';

  console.log('');
  console.log(`## npm run bench — ${seed} seed`);
  console.log('');
  console.log(`Fresh database to seeded: ${seedSeconds} s (startStack, incl. migrations and 4 subgraphs + gateway up: ${(bench.stackMs / 1000).toFixed(1)} s)`);
  console.log('');
  console.log(markdownTable(['seed domain', 's (incl. migrations)', 'rows'], seedRows));
  console.log('');
  console.log(
    `Gateway in its own process; subgraphs in the bench process; load generator in a third (keep-alive, c concurrent loops, ${warmupSeconds} s warm-up then ${seconds} s). Latencies in ms; direct = the same work sent straight to the subgraph(s) with a gateway token. BTS/dossier requests rotate over the 9 districts.`,
  );
  console.log('');
  console.log(markdownTable(['query', 'route', 'c', 'requests', 'req/s', 'p50', 'p99', 'errors'], rows));
  console.log('');
  console.log(`Scorecard parts alone, straight to each subgraph, p50 at c=1: ${partMedians.join(' · ')}`);
  console.log('');
  console.log(machineLine());
});
