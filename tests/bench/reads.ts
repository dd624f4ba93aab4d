import pg from 'pg';
import { countsSql as infrastructureCountsSql } from '@ioc/infrastructure/province-counts-sql';
import { checkCalls, jsonBodies, runLoad, startHttpBench, type HttpBench } from './http-bench';
import type { HttpCall } from './http-load';
import { alertList, btsList, scorecard } from './queries';
import { guard, machineLine, markdownTable, ms, postgresCpuMs } from './support';

/**
 * `npm run bench:reads` (issue 14): where a direct request's time goes. The stack on a throwaway
 * embedded PostgreSQL with the seed; then each fetch of the three direct plans (the scorecard's
 * four, the BTS page, the alert list's three) alone, N times back to back from a load-generator
 * process, and each whole plan: CPU ms per request of the subgraphs' process and of PostgreSQL
 * (postmaster and backends, from /proc). CPU is read in 10 ms clock ticks: N should be a few
 * hundred. Prints figures; asserts nothing about time.
 *
 * Knobs: BENCH_SEED (full|small, default full), BENCH_READS_N (requests per row, default 400),
 * BENCH_READS_CONCURRENCY (default 1), BENCH_READS_ONLY (rows whose operation or fetch contains it),
 * BENCH_READS_EXPLAIN=0 (skip the EXPLAIN (ANALYZE, BUFFERS) of the list pages' and summaries' SQL
 * printed at the end: what the subgraphs send on a cache miss, written out here by hand).
 */
const seed = process.env.BENCH_SEED === 'small' ? 'small' : 'full';
const n = Number(process.env.BENCH_READS_N ?? 400);
const concurrency = Number(process.env.BENCH_READS_CONCURRENCY ?? 1);
const only = process.env.BENCH_READS_ONLY;

let bench: HttpBench | undefined;
const run = guard('bench:reads', 30 * 60_000, async () => bench?.stop());

run.run(async () => {
  console.log(`bench:reads: embedded PostgreSQL and the stack on the ${seed} seed…`);
  bench = await startHttpBench(seed);
  const pgPort = Number(new URL(bench.stack.database.url).port);
  const principal = { subject: 'bench', role: 'soc-analyst' as const };
  const headers = await bench.direct(principal);
  const at = (subgraph: string, query: string, variables: Array<Record<string, unknown>>): HttpCall => ({ url: bench!.subgraphUrl(subgraph), headers, bodies: jsonBodies(query, variables) });

  const pageResponse = await fetch(bench.subgraphUrl('security'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: alertList.direct.security }) });
  const page = ((await pageResponse.json()) as { data: { alerts: { nodes: Array<{ system: { id: string } | null }> } } }).data;
  const systems = [...new Set(page.alerts.nodes.flatMap((node) => (node.system ? [node.system.id] : [])))].map((id) => ({ __typename: 'InformationSystem', id }));

  const scorecardEgov = at('egov', scorecard.direct.egov.query, scorecard.direct.egov.variables);
  const scorecardEntities = scorecard.direct.entities.map((e) => ({ name: e.subgraph, call: at(e.subgraph, e.query, e.variables) }));
  const bts = at('infrastructure', btsList.direct.query, btsList.variables);
  const alerts = at('security', alertList.direct.security, [{}]);
  const alertEntities = alertList.direct.entities.map((e) => ({ name: e.subgraph, call: at(e.subgraph, e.query, [{ representations: systems }]) }));

  const allRows: Array<{ operation: string; part: string; stages: HttpCall[][] }> = [
    { operation: 'scorecard', part: 'egov province', stages: [[scorecardEgov]] },
    ...scorecardEntities.map((e) => ({ operation: 'scorecard', part: `${e.name} _entities(Province)`, stages: [[e.call]] })),
    { operation: 'scorecard', part: 'whole direct plan', stages: [[scorecardEgov], scorecardEntities.map((e) => e.call)] },
    { operation: 'BTS page by district (50)', part: 'infrastructure btsStations (9 districts in turn)', stages: [[bts]] },
    { operation: 'alert list (20)', part: 'security alerts', stages: [[alerts]] },
    ...alertEntities.map((e) => ({ operation: 'alert list (20)', part: `${e.name} _entities(InformationSystem × ${systems.length})`, stages: [[e.call]] })),
    { operation: 'alert list (20)', part: 'whole direct plan', stages: [[alerts], alertEntities.map((e) => e.call)] },
  ];
  const rows = allRows.filter((row) => !only || row.operation.includes(only) || row.part.includes(only));
  for (const row of rows) await checkCalls(`${row.operation} · ${row.part}`, row.stages);

  const table: Array<Array<string | number>> = [];
  for (const row of rows) {
    // Warm-up (caches, JIT, plans) outside the measurement.
    await runLoad(bench.load, row.stages, { concurrency, warmupMs: 0, durationMs: 60_000, maxRequests: Math.max(20, n / 10) });
    const cpuBefore = process.cpuUsage();
    const pgBefore = postgresCpuMs(pgPort);
    const result = await runLoad(bench.load, row.stages, { concurrency, warmupMs: 0, durationMs: 120_000, maxRequests: n });
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpu = postgresCpuMs(pgPort) - pgBefore;
    const requests = Math.max(1, result.requests);
    const subgraphPerRequest = (cpu.user + cpu.system) / 1000 / requests;
    const pgPerRequest = pgCpu / requests;
    table.push([row.operation, row.part, result.requests, result.errors, ms(result.p50, 2), ms(subgraphPerRequest, 2), ms(pgPerRequest, 2), ms(subgraphPerRequest + pgPerRequest, 2)]);
    console.log(`  ${row.operation} · ${row.part}: ${result.requests} requests, p50 ${ms(result.p50, 2)} ms, subgraphs ${ms(subgraphPerRequest, 2)} + PostgreSQL ${ms(pgPerRequest, 2)} CPU ms/request`);
  }

  console.log('');
  console.log(`## npm run bench:reads — ${seed} seed, ${n} requests per row at c=${concurrency} after a warm-up`);
  console.log('');
  console.log(markdownTable(['operation', 'fetch', 'requests', 'errors', 'p50 ms', 'subgraphs CPU ms/req', 'PostgreSQL CPU ms/req', 'total'], table));
  if (process.env.BENCH_READS_EXPLAIN !== '0') {
    const explained: Array<{ schema: string; what: string; sql: string }> = [
      { schema: 'infrastructure', what: 'BTS page of district 844, by name', sql: `SELECT * FROM bts_station s WHERE s.district_code = '844' ORDER BY s.name ASC, s.id ASC LIMIT 50` },
      { schema: 'infrastructure', what: 'its totalCount', sql: `SELECT COUNT(*)::int FROM bts_station s WHERE s.district_code = '844'` },
      { schema: 'infrastructure', what: 'the province summary counts', sql: infrastructureCountsSql },
      { schema: 'security', what: 'alert page (first 20, last seen first)', sql: 'SELECT * FROM alert a ORDER BY a.last_seen DESC, a.sequence DESC LIMIT 20' },
      { schema: 'security', what: 'its totalCount', sql: 'SELECT COUNT(*)::int FROM alert a' },
    ];
    const client = new pg.Client({ connectionString: bench.stack.database.url });
    await client.connect();
    try {
      for (const { schema, what, sql } of explained) {
        await client.query(`SET search_path TO ${schema}, public`);
        const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
        console.log('');
        console.log(`### ${schema}: ${what}`);
        console.log(plan.map((line) => `    ${line['QUERY PLAN']}`).join('\n'));
      }
    } finally {
      await client.end();
    }
  }

  console.log('');
  console.log(machineLine());
});
