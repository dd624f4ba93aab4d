import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { defaultShutdownDeadlineMs, StartupError, type Logger } from '@ioc/kit';

export interface ManagedProcess {
  name: string;
  /** TypeScript entrypoint, run with tsx. */
  entry: string;
  env: Record<string, string>;
  /** A client such as the feed listens on no port and is ready once launched. */
  port?: number;
  /** Resolves when the process answers; used at start and after each restart. */
  readyUrl?: string;
  /** Restart on every change to its sources (`tsx watch`), for `npm run dev:subgraph`. */
  watch?: boolean;
}

export interface Supervisor {
  start(spec: ManagedProcess): Promise<void>;
  stopAll(): Promise<void>;
}

/**
 * A child that has not exited this long after SIGTERM is killed. Past its own deadline
 * (kit `exitOnSignals`, which logs what hung and exits 1), so it gets to finish a slow drain and
 * say why; 10 s here used to kill children a third of the way into theirs.
 */
export const forceStopAfterMs = defaultShutdownDeadlineMs + 2_000;

/** Stops a service whose supervisor is gone (killed, so it could not stop them). */
const exitWithParent = createRequire(import.meta.url).resolve('@ioc/infra/exit-with-parent');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * Runs each service as its own process, like a deployment would: a crash takes down one
 * subgraph, not the graph. A process that dies unexpectedly is restarted with backoff.
 */
export function createSupervisor(logger: Logger): Supervisor {
  const children = new Map<string, ChildProcess>();
  /** Processes without a port (the feed): stopped first, while the graph they write to still answers. */
  const clients = new Set<string>();
  let stopping = false;

  const launch = (spec: ManagedProcess, attempt: number): ChildProcess => {
    const runner = spec.watch ? [tsxCli, 'watch', '--clear-screen=false'] : ['--import', 'tsx'];
    const child = spawn(process.execPath, ['--require', exitWithParent, ...runner, spec.entry], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'inherit', 'inherit'],
      // Its own process group: Ctrl-C reaches the supervisor only, which stops services in order.
      detached: true,
    });
    children.set(spec.name, child);
    if (spec.port === undefined) clients.add(spec.name);
    child.on('exit', (code, signal) => {
      if (children.get(spec.name) !== child) return;
      children.delete(spec.name);
      if (stopping) return;
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      logger.error('process exited; restarting', { process: spec.name, code, signal, inMs: delay });
      setTimeout(() => {
        if (stopping) return;
        const next = launch(spec, attempt + 1);
        (spec.readyUrl ? waitUntilReady(spec.readyUrl, 60_000) : Promise.resolve()).then(
          () => logger.info('process back', { process: spec.name, pid: next.pid }),
          () => undefined,
        );
      }, delay).unref();
    });
    return child;
  };

  return {
    async start(spec) {
      if (spec.port !== undefined) await assertPortFree(spec.port, spec.name);
      const child = launch(spec, 0);
      const exited = new Promise<never>((_, reject) =>
        child.once('exit', (code) => reject(new Error(`${spec.name} exited during start-up (code ${code})`))),
      );
      if (spec.readyUrl) await Promise.race([waitUntilReady(spec.readyUrl, 60_000), exited]);
      else exited.catch(() => undefined);
      logger.info('process ready', { process: spec.name, pid: child.pid });
    },
    async stopAll() {
      stopping = true;
      // Clients first (the feed retires the servers it added through the gateway), then the services.
      const stop = (names: string[]) =>
        Promise.all(
          names.map((name) => children.get(name)).filter((child): child is ChildProcess => child !== undefined).map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const force = setTimeout(() => child.kill('SIGKILL'), forceStopAfterMs);
              child.once('exit', () => {
                clearTimeout(force);
                resolve();
              });
              child.kill('SIGTERM');
            }),
          ),
        );
      await stop([...children.keys()].filter((name) => clients.has(name)));
      await stop([...children.keys()]);
    },
  };
}

/** Another copy (or anything else) on the port would answer our readiness checks: refuse early. */
function assertPortFree(port: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new StartupError(`port ${port} for ${name} is in use: is ioc-graph already running? (set PORT / SUBGRAPH_PORT_OFFSET to run another copy)`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}
