import { Cleanups, guard, machineLine } from './support';
import { ingestOptionsFromEnv, runIngestBench } from './ingest-bench';

/**
 * `npm run bench:ingest` (issue 10): sustained SOC ingest through the gateway, Wazuh NDJSON then
 * Suricata EVE, against the floor of inserting the same rows straight into PostgreSQL (the
 * machinery is ingest-bench.ts, which `npm run bench:all` runs too, shorter).
 *
 * Knobs: BENCH_INGEST_SECONDS per source (default 60), BENCH_INGEST_SENDERS (4), BENCH_INGEST_LINES
 * a body (2000), BENCH_INGEST_VERBOSE (a line per body).
 */
const options = ingestOptionsFromEnv(60);
const cleanups = new Cleanups();
const run = guard('bench:ingest', (options.seconds * 2 + 600) * 1000, () => cleanups.runAll());

run.run(async () => {
  const { report } = await runIngestBench(options, cleanups);
  console.log('');
  console.log(report.replace(/^## Ingest/, '## npm run bench:ingest'));
  console.log('');
  console.log(machineLine());
});
