import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { createVerifier } from '@ioc/gateway/verifier';
import { checkCalls, jsonBodies, runLoad, startHttpBench, type HttpBench } from './http-bench';
import type { HttpCall } from './http-load';
import { scorecard } from './queries';
import { guard, machineLine, markdownTable, ms, startGatewayProcess } from './support';

/**
 * `npm run bench:auth` (issue 5): what verifying callers costs at the gateway. Two gateway
 * processes on the same subgraphs: one verifies a bearer JWT on every request (the normal
 * configuration), the other verifies nobody (every caller is a fixed viewer, no token checked).
 * Measured in alternation (with, without, with, without) so that the shared machine's drift
 * falls on both sides. Plus the verifier alone, in this process.
 *
 * Knobs: BENCH_SEED (full|small, default full), BENCH_SECONDS per measurement (default 5),
 * BENCH_CONCURRENCY (default "1,8").
 */
const seed = process.env.BENCH_SEED === 'small' ? 'small' : 'full';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);
const rounds = 2;

let bench: HttpBench | undefined;
const run = guard('bench:auth', 5 * 60_000, async () => bench?.stop());

run.run(async () => {
  console.log(`bench:auth: starting embedded PostgreSQL and the stack on the ${seed} seed…`);
  bench = await startHttpBench(seed);
  const auth = devAuthOptions(bench.stack.secrets);
  const limits = { ratePerMinute: 1_000_000_000 };
  const withAuth = await startGatewayProcess({ supergraphPath: bench.stack.supergraphPath, auth, limits });
  bench.gateways.push(withAuth);
  const open = await startGatewayProcess({
    supergraphPath: bench.stack.supergraphPath,
    auth,
    everyCallerAs: { subject: 'bench', role: 'ioc-viewer' },
    limits,
  });
  bench.gateways.push(open);

  const token = await bench.stack.tokenFor('ioc-viewer');
  const queries = [
    { name: 'scorecard (4 subgraphs)', query: scorecard.query, variables: scorecard.variables },
    { name: 'province name (1 subgraph, light)', query: 'query ProvinceName($code: String!) { province(code: $code) { code name } }', variables: [{ code: '84' }] },
  ];
  const sides = [
    { name: 'with auth (bearer JWT, HS256)', stages: (q: (typeof queries)[number]): HttpCall[][] => [[{ url: withAuth.url, headers: { authorization: `Bearer ${token}` }, bodies: jsonBodies(q.query, q.variables) }]] },
    { name: 'without auth (no verifier)', stages: (q: (typeof queries)[number]): HttpCall[][] => [[{ url: open.url, headers: {}, bodies: jsonBodies(q.query, q.variables) }]] },
  ];
  for (const q of queries) for (const side of sides) await checkCalls(`${q.name} ${side.name}`, side.stages(q));

  interface Totals {
    requests: number;
    seconds: number;
    p50s: number[];
    p99s: number[];
  }
  const rows: Array<Array<string | number>> = [];
  const summary: Array<Array<string | number>> = [];
  for (const q of queries) {
    for (const concurrency of concurrencies) {
      const totals = sides.map((): Totals => ({ requests: 0, seconds: 0, p50s: [], p99s: [] }));
      for (let round = 1; round <= rounds; round++) {
        for (const [i, side] of sides.entries()) {
          const result = await runLoad(bench.load, side.stages(q), { concurrency, warmupMs: round === 1 ? 2000 : 500, durationMs: seconds * 1000 });
          const total = totals[i]!;
          total.requests += result.requests;
          total.seconds += result.seconds;
          total.p50s.push(result.p50);
          total.p99s.push(result.p99);
          rows.push([q.name, side.name, concurrency, round, result.requests, result.rps.toFixed(0), ms(result.p50), ms(result.p99), result.errors]);
          console.log(`  ${q.name} · ${side.name} · c=${concurrency} · round ${round}: ${result.rps.toFixed(0)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms`);
        }
      }
      const [a, b] = totals as [Totals, Totals];
      const rpsA = a.requests / a.seconds;
      const rpsB = b.requests / b.seconds;
      const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
      summary.push([
        q.name,
        concurrency,
        rpsA.toFixed(0),
        rpsB.toFixed(0),
        `${(((rpsB - rpsA) / rpsB) * 100).toFixed(1)} %`,
        ms(mean(a.p50s)),
        ms(mean(b.p50s)),
        ms(mean(a.p50s) - mean(b.p50s), 2),
        ms(mean(a.p99s)),
        ms(mean(b.p99s)),
      ]);
    }
  }

  // The verifier alone: the work the "with auth" side adds to each request.
  const verify = createVerifier(auth.verifier);
  const header = `Bearer ${token}`;
  for (let i = 0; i < 2000; i++) await verify(header);
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await verify(header);
  const microseconds = ((performance.now() - t0) * 1000) / n;

  console.log('');
  console.log(`## npm run bench:auth — scorecard with and without authentication (${seed} seed)`);
  console.log('');
  console.log(`Two gateway processes on the same subgraphs (in the bench process); load generator in a third; ${rounds} alternating rounds of ${seconds} s per side. Latencies in ms.`);
  console.log('');
  console.log(markdownTable(['query', 'gateway', 'c', 'round', 'requests', 'req/s', 'p50', 'p99', 'errors'], rows));
  console.log('');
  console.log(markdownTable(['query', 'c', 'req/s with', 'req/s without', 'throughput cost', 'p50 with', 'p50 without', 'p50 Δ', 'p99 with', 'p99 without'], summary));
  console.log('');
  console.log(`JWT verification alone (jose jwtVerify HS256 + claim checks, this process): ${microseconds.toFixed(1)} µs per request (${n} verifications).`);
  console.log('');
  console.log(machineLine());
});
