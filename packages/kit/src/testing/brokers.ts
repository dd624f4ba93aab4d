import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningBroker {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the broker binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Debian's redis-server and nats-server, as .ci/run installs them. */
async function startServer(name: string, command: string, args: (port: number, dir: string) => string[], url: (port: number) => string): Promise<RunningBroker> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `ioc-${name}-`));
  let output = '';
  const child: ChildProcess = spawn(command, args(port, dir), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${command} did not start (${error.message}): bash .ci/run installs it with apt-get`)));
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });
  failed.catch(() => undefined);
  const listening = (async () => {
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (await accepts(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${command} did not listen on ${port} within 10 s:\n${output}`);
  })();
  await Promise.race([listening, failed]);
  return {
    url: url(port),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A throwaway redis-server on a free port, no persistence. */
export const startRedisServer = () =>
  startServer('redis', 'redis-server', (port) => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], (port) => `redis://127.0.0.1:${port}`);

/** A throwaway nats-server on a free port. */
export const startNatsServer = () =>
  startServer('nats', 'nats-server', (port) => ['--addr', '127.0.0.1', '--port', String(port)], (port) => `nats://127.0.0.1:${port}`);
