import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger } from '@ioc/kit';
import { eventually } from '@ioc/kit/testing';
import { createSupervisor } from '@ioc/infra/supervisor';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

it('stops the clients (no port: the feed) first and the services after they exited, so a client can still reach them while it stops', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'supervisor-'));
  const log = join(dir, 'log');
  writeFileSync(log, '');
  // Each process notes when it started and got SIGTERM; the client takes a while to stop (as the feed retiring its servers).
  const script = (name: string, stopMs: number) =>
    `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(log)}, '${name} up\\n');
process.on('SIGTERM', () => { appendFileSync(${JSON.stringify(log)}, '${name} SIGTERM\\n'); setTimeout(() => { appendFileSync(${JSON.stringify(log)}, '${name} exit\\n'); process.exit(0); }, ${stopMs}); });
setInterval(() => undefined, 1000);
`;
  writeFileSync(join(dir, 'client.ts'), script('client', 300));
  writeFileSync(join(dir, 'service.ts'), script('service', 0));
  const supervisor = createSupervisor(silentLogger);
  await supervisor.start({ name: 'service', entry: join(dir, 'service.ts'), env: {}, port: await freePort() });
  await supervisor.start({ name: 'client', entry: join(dir, 'client.ts'), env: {} });
  const lines = () => readFileSync(log, 'utf8').trim().split('\n');
  try {
    await eventually(() => lines().length >= 2, 20_000, 'both processes up');
  } finally {
    await supervisor.stopAll();
  }
  const stopping = lines().filter((line) => !line.endsWith(' up'));
  expect(stopping).toEqual(['client SIGTERM', 'client exit', 'service SIGTERM', 'service exit']);
}, 60_000);
