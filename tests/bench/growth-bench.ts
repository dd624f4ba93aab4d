import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { seedScaleOf } from '@ioc/seeds';
import type { AutocannonJob } from './autocannon-load';
import { dataOf, jsonBodies, seedTimeline, startHttpBench, type HttpBench } from './http-bench';
import type { LoadResult } from './http-load';
import { dossierDrillDown, scorecard } from './queries';
import { forkBench, markdownTable, ms, percentile, request, startGatewayProcess, stopChild, type Cleanups } from './support';

/**
 * The growth series of `npm run bench:all` (issue 14): the scorecard and the dossier drill-down
 * through our gateway (its own process, as production runs it) at each data volume, so one sees
 * whether latency stays flat where indexes serve it. A volume is the full seed at SEED_SCALE = N:
 * N× the dossiers, feedback and alerts (what grows with a province's activity), the fixed
 * catalogue (units, agencies, procedures, systems, stations) unchanged. Each volume is a fresh
 * database and stack; the seed's time is printed (from the seed ledger). autocannon, in its own
 * process, sends the operation's bodies in turn (the drill-down over the nine districts).
 *
 * At N > 1 the plan's 2022 figures are N× too: every seeded row counts (the `synthetic` flag marks
 * seeded rows, it does not exclude them), so the figures contract holds at 1× only; the table
 * prints what the scorecard answered at each volume.
 */
export interface GrowthBenchOptions {
  scales: number[];
  seconds: number;
  warmupSeconds: number;
  concurrency: number;
  log?: (line: string) => void;
}

/** BENCH_GROWTH_SCALES ("1,4,16"), BENCH_GROWTH_SECONDS (10), BENCH_GROWTH_WARMUP_SECONDS (3), BENCH_GROWTH_CONCURRENCY (10). */
export function growthOptionsFromEnv(): GrowthBenchOptions {
  const scales = (process.env.BENCH_GROWTH_SCALES ?? '1,4,16').split(',').map((value) => {
    try {
      return seedScaleOf(value);
    } catch (error) {
      throw new Error(`BENCH_GROWTH_SCALES: ${(error as Error).message}`);
    }
  });
  const positive = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!(value > 0)) throw new Error(`${name} must be a positive number; got ${JSON.stringify(process.env[name])}`);
    return value;
  };
  return {
    scales,
    seconds: positive('BENCH_GROWTH_SECONDS', 10),
    warmupSeconds: positive('BENCH_GROWTH_WARMUP_SECONDS', 3),
    concurrency: positive('BENCH_GROWTH_CONCURRENCY', 10),
  };
}

/** Seconds the full seed takes per unit of scale on this machine (×4: 34 s at load average 6), for the duration estimate. */
export const seedSecondsPerScale = 10;

export function growthExpectedSeconds(options: GrowthBenchOptions): number {
  return options.scales.reduce((sum, scale) => sum + 30 + seedSecondsPerScale * scale + 2 * (options.warmupSeconds + options.seconds + 2), 0);
}

interface Figures {
  dossiers: number;
  feedback: number;
  alerts: number;
  overdueDossiers: number;
  openFeedback: number;
  alerts2022: number;
}

async function countRows(databaseUrl: string): Promise<Pick<Figures, 'dossiers' | 'feedback' | 'alerts'>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ dossiers: number; feedback: number; alerts: number }>(
      `SELECT (SELECT count(*)::int FROM egov.dossier) AS dossiers, (SELECT count(*)::int FROM egov.feedback) AS feedback, (SELECT count(*)::int FROM security.alert) AS alerts`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

export async function runGrowthBench(options: GrowthBenchOptions, cleanups: Cleanups): Promise<{ report: string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const previousScale = process.env.SEED_SCALE;
  let bench: HttpBench | undefined;
  let cannon: ChildProcess | undefined;
  const release = cleanups.add(async () => {
    await stopChild(cannon);
    await bench?.stop();
    if (previousScale === undefined) delete process.env.SEED_SCALE;
    else process.env.SEED_SCALE = previousScale;
  });
  const rows: Array<Array<string | number>> = [];
  const seeding: string[] = [];
  const operations = [
    { name: 'scorecard (4 subgraphs)', bodies: jsonBodies(scorecard.query, scorecard.variables) },
    { name: 'dossier drill-down (district, 2022)', bodies: jsonBodies(dossierDrillDown.query, dossierDrillDown.variables) },
  ];
  try {
    cannon = forkBench('autocannon-load.ts');
    for (const scale of options.scales) {
      // seedAll reads SEED_SCALE (startStack passes no scale).
      process.env.SEED_SCALE = String(scale);
      log(`growth ×${scale}: embedded PostgreSQL, migrations, the full seed ×${scale} and the subgraphs…`);
      bench = await startHttpBench('full');
      const { stack } = bench;
      const timeline = await seedTimeline(stack.database.url);
      const seedSeconds = (Math.max(...timeline.map((entry) => entry.seededAt.getTime())) - bench.stackStartedAt) / 1000;
      seeding.push(`×${scale}: ${seedSeconds.toFixed(0)} s`);
      const gateway = await startGatewayProcess({ supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), limits: { ratePerMinute: 1_000_000_000 } });
      bench.gateways.push(gateway);
      const bearer = { authorization: `Bearer ${await stack.tokenFor('soc-analyst')}` };

      // Every body answers without errors, timed: the first request of each body is cold (no
      // cache of any layer has it yet), so it shows the queries' own cost at this volume, which
      // the load's repeated bodies may hide behind caches.
      const cold = new Map<string, number[]>();
      for (const operation of operations) {
        const times: number[] = [];
        for (const body of operation.bodies) {
          const begun = performance.now();
          await dataOf(gateway.url, bearer, body);
          times.push(performance.now() - begun);
        }
        cold.set(operation.name, times.sort((a, b) => a - b));
      }
      const card = (await dataOf(gateway.url, bearer, operations[0]!.bodies[0]!)) as {
        province: { digitalGovernment: { overdueDossiers: number; openFeedback: number }; security: { alerts: { total: number } } };
      };
      const counts = await countRows(stack.database.url);
      const figures: Figures = {
        ...counts,
        overdueDossiers: card.province.digitalGovernment.overdueDossiers,
        openFeedback: card.province.digitalGovernment.openFeedback,
        alerts2022: card.province.security.alerts.total,
      };
      log(`growth ×${scale}: seeded in ${seedSeconds.toFixed(0)} s (stack up in ${(bench.stackMs / 1000).toFixed(0)} s): ${figures.dossiers} dossiers, ${figures.feedback} feedback, ${figures.alerts} alerts`);

      for (const operation of operations) {
        const job: AutocannonJob = {
          type: 'run',
          url: gateway.url,
          headers: bearer,
          bodies: operation.bodies,
          connections: options.concurrency,
          warmupMs: options.warmupSeconds * 1000,
          durationMs: options.seconds * 1000,
        };
        const result = await request<LoadResult>(cannon, job, 'result', (options.warmupSeconds + options.seconds) * 1000 + 60_000);
        log(`  growth ×${scale} · ${operation.name} · c=${options.concurrency}: ${result.rps.toFixed(0)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`);
        rows.push([
          `${scale}×`,
          figures.dossiers,
          figures.feedback,
          figures.alerts,
          operation.name,
          result.rps.toFixed(0),
          ms(result.p50),
          ms(result.p99),
          result.errors,
          `${ms(percentile(cold.get(operation.name)!, 50), 0)} / ${ms(cold.get(operation.name)!.at(-1)!, 0)}`,
          `overdue ${figures.overdueDossiers}, open feedback ${figures.openFeedback}, alerts 2022 ${figures.alerts2022}`,
        ]);
      }
      await bench.stop();
      bench = undefined;
    }
    const report = [
      `## Growth — the scorecard and the dossier drill-down through our gateway at ${options.scales.map((s) => `${s}×`).join(', ')} the seeded volume`,
      '',
      `Full seed at SEED_SCALE = N: N× the dossiers, feedback and alerts; the catalogue (units, agencies, procedures, systems, stations) fixed. A fresh database and stack per volume; our gateway in its own process; autocannon in its own process, c=${options.concurrency}, ${options.warmupSeconds} s warm-up + ${options.seconds} s per point. Seeding (from the start of the stack to the seed ledger's last row): ${seeding.join(', ')}. At N > 1 the plan's 2022 figures are N× as well (every seeded row counts; the figures contract holds at 1× only): the last column is what the scorecard answered. "Cold" is each body's first request through the gateway (median / max over the bodies: 1 scorecard, 9 districts), before any cache has it; under load the same bodies repeat, so caches may serve most of them.`,
      '',
      markdownTable(['volume', 'dossiers', 'feedback', 'alerts', 'operation', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'cold ms (median / max)', 'scorecard figures'], rows),
    ].join('\n');
    return { report };
  } finally {
    await release();
  }
}
