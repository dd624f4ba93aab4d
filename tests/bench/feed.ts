import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import { benchDir, guard, machineLine, markdownTable, startBenchDatabase, startGatewayProcess, type BenchDatabase, type GatewayProcess } from './support';

/**
 * `npm run bench:feed` (issue 9): the live feed as a load test. The stack on the small seed over a
 * throwaway embedded PostgreSQL, the gateway in its own process with its rate limit lifted (the
 * default, 1,200 operations a minute per caller, caps one feed at 20 operations = 400 events a
 * second), then `npm run feed -- --rate R --duration D` as a process of its own for each rate.
 * `--any-hour` mixes dossiers in at night too. Prints the events per second it sustained (sent / wall time), errors and drops.
 *
 * Knobs: BENCH_FEED_RATES (default "200,1000,2000"), BENCH_FEED_SECONDS (default 15),
 * BENCH_FEED_CONCURRENCY (the feed's --concurrency; default its own).
 */
const rates = (process.env.BENCH_FEED_RATES ?? '200,1000,2000').split(',').map(Number);
const seconds = Number(process.env.BENCH_FEED_SECONDS ?? 15);
const concurrency = process.env.BENCH_FEED_CONCURRENCY;

let database: BenchDatabase | undefined;
let stack: Stack | undefined;
let gateway: GatewayProcess | undefined;
const run = guard('bench:feed', 10 * 60_000, async () => {
  await gateway?.stop();
  await stack?.stop().catch(() => undefined);
  await database?.stop();
});

interface Report {
  sent: Record<string, number>;
  errors: number;
  dropped: number;
  requests: number;
  ms: number;
}

function runFeedProcess(url: string, token: string, rate: number): Promise<Report> {
  const args = ['--import', 'tsx', join(benchDir, '..', '..', 'feed', 'src', 'cli.ts'), '--rate', String(rate), '--duration', `${seconds}s`, '--seed', '9', '--any-hour'];
  if (concurrency) args.push('--concurrency', concurrency);
  const child = spawn(process.execPath, args, { env: { ...process.env, FEED_URL: url, FEED_TOKEN: token, LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as Report);
      } catch {
        reject(new Error(`feed exited ${code} without a report: ${out.slice(-500)}`));
      }
    });
  });
}

run.run(async () => {
  console.log('bench:feed: starting embedded PostgreSQL and the stack on the small seed…');
  database = await startBenchDatabase();
  stack = await startStack({ adminUrl: database.adminUrl, seed: 'small' });
  gateway = await startGatewayProcess({ supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), limits: { ratePerMinute: 1_000_000_000 } });
  const rows: Array<Array<string | number>> = [];
  for (const rate of rates) {
    const report = await runFeedProcess(gateway.url, await stack.tokenFor('ingest', undefined), rate);
    const total = Object.values(report.sent).reduce((a, b) => a + b, 0);
    const perSecond = total / (report.ms / 1000);
    console.log(`rate ${rate}/s for ${seconds} s: ${total} events sent in ${report.ms} ms = ${perSecond.toFixed(0)} events/s, ${report.requests} requests, ${report.errors} errors, ${report.dropped} dropped`, report.sent);
    rows.push([rate, total, perSecond.toFixed(0), report.requests, (total / Math.max(1, report.requests)).toFixed(1), report.errors, report.dropped]);
  }
  console.log(`\n${machineLine()}\n`);
  console.log(markdownTable(['asked (events/s)', 'sent', 'sustained (events/s)', 'requests', 'events/request', 'errors', 'dropped'], rows));
});
