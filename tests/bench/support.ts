import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@ioc/kit';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@ioc/infra/embedded-postgres';
import type { GatewayProcessConfig } from './gateway-process';

/**
 * Shared pieces of the benchmark scripts (`npm run bench`, `bench:auth`, `bench:subscriptions`).
 * Benchmarks print figures; they are not tests and assert nothing about time.
 */

export const benchDir = dirname(fileURLToPath(import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface BenchDatabase {
  adminUrl: string;
  stop(): Promise<void>;
}

/** A throwaway embedded PostgreSQL cluster in a temporary directory, on loopback. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-pg-'));
  let db: EmbeddedDatabase;
  try {
    db = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: await freePort(), logger: createLogger('bench-postgres', 'warn') });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    adminUrl: db.url('postgres'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await db.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a `.ts` file of this folder as a child process (tsx), with an IPC channel. */
export function forkBench(file: string, options: { execArgv?: string[]; env?: Record<string, string> } = {}): ChildProcess {
  return fork(join(benchDir, file), [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Sends one message and waits for the child's next message of `type` (or its exit). */
export function request<T>(child: ChildProcess, message: unknown, type: string, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`child ${child.pid} did not answer "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (reply: { type?: string; error?: string }) => {
      if (reply?.type === 'error') finish(new Error(`child ${child.pid}: ${reply.error}`));
      else if (reply?.type === type) finish(undefined, reply as T);
    };
    const onExit = (code: number | null) => finish(new Error(`child ${child.pid} exited (code ${code}) before answering "${type}"`));
    const finish = (error?: Error, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (message !== undefined) child.send(message as never);
  });
}

/** Stops a child we forked: asks politely, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' });
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface GatewayProcess {
  url: string;
  base: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size of the gateway process, from /proc/<pid>/status (MiB). */
  rssMiB(): number;
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

/** A gateway in its own process (its CPU and memory are its own), on the given supergraph. */
export async function startGatewayProcess(config: GatewayProcessConfig, execArgv: string[] = []): Promise<GatewayProcess> {
  const child = forkBench('gateway-process.ts', { execArgv });
  const { url } = await request<{ url: string }>(child, { type: 'start', config }, 'ready', 60_000);
  const base = url.replace(/\/graphql$/, '');
  return {
    url,
    base,
    pid: child.pid!,
    child,
    rssMiB: () => rssMiB(child.pid!),
    metric: (name) => metric(base, name),
    stop: () => stopChild(child),
  };
}

/** Peak resident set (VmHWM) of a process, MiB. */
export function peakRssMiB(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** One sample from Prometheus text: `name` (unlabelled). */
export async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not exported by ${base}/metrics`);
  return Number(line.slice(name.length + 1));
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const ms = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/**
 * What a benchmark part must stop if the run is aborted (time limit, Ctrl-C): a part adds its
 * cleanup when it starts resources and calls the returned release when it is done with them;
 * the guard's cleanup runs whatever is still registered, newest first.
 */
export class Cleanups {
  private readonly pending = new Set<() => Promise<void>>();
  add(cleanup: () => Promise<void>): () => Promise<void> {
    this.pending.add(cleanup);
    return async () => {
      if (this.pending.delete(cleanup)) await cleanup();
    };
  }
  async runAll(): Promise<void> {
    for (const cleanup of [...this.pending].reverse()) {
      this.pending.delete(cleanup);
      await cleanup().catch((error) => console.error('bench cleanup failed', error));
    }
  }
}

/**
 * Bounds a benchmark in time: after `limitMs` the cleanup runs and the process exits, whatever
 * is still going. Ctrl-C and SIGTERM clean up too.
 */
export function guard(name: string, limitMs: number, cleanup: () => Promise<void>): { done(): Promise<void>; run(main: () => Promise<void>): void } {
  let cleaning: Promise<void> | undefined;
  const clean = () => (cleaning ??= cleanup().catch((error) => console.error(`${name}: cleanup failed`, error)));
  const abort = (why: string) => {
    console.error(`${name}: ${why}; stopping`);
    const hard = setTimeout(() => process.exit(1), 20_000);
    hard.unref();
    void clean().then(() => process.exit(1));
  };
  const timer = setTimeout(() => abort(`time limit of ${Math.round(limitMs / 1000)} s reached`), limitMs);
  timer.unref();
  // embedded-postgres installs its own exit handlers; ours stop children, then the database.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => abort('interrupted'));
  process.once('SIGTERM', () => abort('terminated'));
  process.on('unhandledRejection', (error) => abort(`unhandled rejection: ${(error as Error)?.stack ?? error}`));
  const done = async () => {
    clearTimeout(timer);
    await clean();
  };
  return {
    done,
    /** Runs the benchmark, then cleans up and exits; a failure cleans up too and exits 1. */
    run(main) {
      main().then(
        () => done().then(() => process.exit(0)),
        (error) => abort(`failed: ${(error as Error)?.stack ?? error}`),
      );
    },
  };
}

/** Machine context printed above each table: results on a shared machine are noisy. */
export function machineLine(): string {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
  return `node ${process.version}, ${cpus} CPUs, load average ${load} (at the end of the run; the machine is shared)`;
}

/** utime + stime of a process in ms (clock ticks of 10 ms); `children` adds its reaped children's. */
export function cpuMs(pid: number, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks * 10;
  } catch {
    return 0;
  }
}

/** The embedded PostgreSQL's postmaster (started with `-p <port>`) and its backends. */
export function postgresCpuMs(port: number): number {
  const stats = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return { pid: Number(pid), cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'), ppid: Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) };
      } catch {
        return undefined;
      }
    })
    .filter((p) => p !== undefined);
  const postmaster = stats.find((p) => p.cmdline[0]?.endsWith('postgres') && p.cmdline.includes('-p') && p.cmdline[p.cmdline.indexOf('-p') + 1] === String(port));
  if (!postmaster) return NaN;
  return cpuMs(postmaster.pid, true) + stats.filter((p) => p.ppid === postmaster.pid).reduce((sum, p) => sum + cpuMs(p.pid), 0);
}
