import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import { benchDir, guard, machineLine, markdownTable, startBenchDatabase, startGatewayProcess, type BenchDatabase, type GatewayProcess } from './support';

/**
 * `npm run bench:feed` (issue 9): the live feed as a load test. The stack on the small seed over a
 * throwaway embedded PostgreSQL, the gateway in its own process with the default limits, as
 * `npm start` runs it (1,200 operations a minute per caller: the feed sends one operation per
 * subgraph per request, each a batch mutation per kind, so a few operations a second carry
 * thousands of events), then `npm run feed -- --rate R --duration D` as a process of its own for each rate.
 * `--any-hour` mixes dossiers in at night too. Prints the events per second it sustained (sent / wall time), errors and drops.
 *
 * Knobs: BENCH_FEED_RATES (default "200,1000,2000"), BENCH_FEED_SECONDS (default 15),
 * BENCH_FEED_CONCURRENCY (the feed's --concurrency; default its own), BENCH_FEED_RATE_LIMIT
 * (the gateway's operations a minute per caller; default the gateway's, 1,200), BENCH_FEED_LOG_LEVEL (the
 * feed's log level, default error; warn shows why it paused).
 */
const rates = (process.env.BENCH_FEED_RATES ?? '200,1000,2000').split(',').map(Number);
const seconds = Number(process.env.BENCH_FEED_SECONDS ?? 15);
const concurrency = process.env.BENCH_FEED_CONCURRENCY;
const ratePerMinute = process.env.BENCH_FEED_RATE_LIMIT ? Number(process.env.BENCH_FEED_RATE_LIMIT) : undefined;

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
  operations: number;
  ms: number;
}

/** CPU seconds (user + system) of a process, with its reaped children's (PostgreSQL's exited backends). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (clock ticks, 100 a second).
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
  } catch {
    return 0;
  }
}

/** PostgreSQL's processes under this one: the postmaster and its backends. */
function postgresSeconds(): number {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const postmasters = [...parents].filter(([pid, parent]) => parent === process.pid && names.get(pid)?.startsWith('postgres')).map(([pid]) => pid);
  // A postmaster's own and reaped children's time, plus its live backends'.
  return postmasters.reduce((sum, pm) => sum + cpuSeconds(pm) + [...parents].filter(([, parent]) => parent === pm).reduce((s, [pid]) => s + cpuSeconds(pid), 0), 0);
}

const processCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

function runFeedProcess(url: string, token: string, rate: number): Promise<Report & { feedCpu: number }> {
  const args = ['--import', 'tsx', join(benchDir, '..', '..', 'feed', 'src', 'cli.ts'), '--rate', String(rate), '--duration', `${seconds}s`, '--seed', '9', '--any-hour'];
  if (concurrency) args.push('--concurrency', concurrency);
  const child = spawn(process.execPath, args, { env: { ...process.env, FEED_URL: url, FEED_TOKEN: token, LOG_LEVEL: process.env.BENCH_FEED_LOG_LEVEL ?? 'error' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let feedCpu = 0;
  // The feed's own CPU, sampled until it exits (a process's time is gone once it is reaped).
  const sampler = setInterval(() => (feedCpu = Math.max(feedCpu, cpuSeconds(child.pid!))), 250);
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    feedCpu = Math.max(feedCpu, cpuSeconds(child.pid!));
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearInterval(sampler);
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ ...(JSON.parse(line) as Report), feedCpu });
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
  gateway = await startGatewayProcess({ supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), ...(ratePerMinute ? { limits: { ratePerMinute } } : {}) });
  const rows: Array<Array<string | number>> = [];
  for (const rate of rates) {
    const before = { gateway: cpuSeconds(gateway.pid), subgraphs: processCpu(), postgres: postgresSeconds() };
    const report = await runFeedProcess(gateway.url, await stack.tokenFor('ingest', undefined), rate);
    const spent = { feed: report.feedCpu, gateway: cpuSeconds(gateway.pid) - before.gateway, subgraphs: processCpu() - before.subgraphs, postgres: postgresSeconds() - before.postgres };
    const total = Object.values(report.sent).reduce((a, b) => a + b, 0);
    const perSecond = total / (report.ms / 1000);
    const perEvent = (seconds: number) => ((seconds * 1000) / Math.max(1, total)).toFixed(2);
    const cpuMs = Object.values(spent).reduce((a, b) => a + b, 0) * 1000 / Math.max(1, total);
    console.log(`rate ${rate}/s for ${seconds} s: ${total} events sent in ${report.ms} ms = ${perSecond.toFixed(0)} events/s, ${report.requests} requests, ${report.operations} GraphQL operations (${((report.operations * 60_000) / report.ms).toFixed(0)} a minute), ${report.errors} errors, ${report.dropped} dropped`, report.sent);
    rows.push([rate, total, perSecond.toFixed(0), (total / Math.max(1, report.requests)).toFixed(1), ((report.operations * 60_000) / report.ms).toFixed(0), report.errors, report.dropped, perEvent(spent.feed), perEvent(spent.gateway), perEvent(spent.subgraphs), perEvent(spent.postgres), (1000 / cpuMs).toFixed(0)]);
  }
  console.log(`\n${machineLine()}; gateway rate limit ${ratePerMinute ?? 'default (1,200 operations a minute per caller)'}\n`);
  console.log(
    markdownTable(
      ['asked (events/s)', 'sent', 'sustained (events/s)', 'events/request', 'operations/min', 'errors', 'dropped', 'feed CPU ms/event', 'gateway', 'subgraphs', 'PostgreSQL', 'events/s per core'],
      rows,
    ),
  );
});
