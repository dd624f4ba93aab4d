import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { eventually } from '@ioc/kit/testing';

const exitWithParent = createRequire(import.meta.url).resolve('@ioc/infra/exit-with-parent');

it('a process started with the preload gets SIGTERM (and can drain) when its parent is killed with SIGKILL', async () => {
  // The parent plays the supervisor: it starts a "service" (a server that reports SIGTERM and exits) and waits.
  const service = `process.on('SIGTERM', () => { console.log('service: SIGTERM'); process.exit(0); }); require('node:http').createServer().listen(0, '127.0.0.1', () => console.log('service ' + process.pid));`;
  const supervisor = `const child = require('node:child_process').spawn(process.execPath, ['--require', ${JSON.stringify(exitWithParent)}, '-e', ${JSON.stringify(service)}], { stdio: 'inherit', detached: true }); setInterval(() => undefined, 1000);`;
  const parent = spawn(process.execPath, ['-e', supervisor], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  parent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // The service writes to the parent's stdout pipe: it closes once the service, its last writer, has exited too.
  const pipeClosed = new Promise<void>((resolve) => parent.stdout.once('end', () => resolve()));
  let servicePid = 0;
  try {
    await eventually(() => /service (\d+)/.test(output), 20_000, 'the service to start');
    servicePid = Number(/service (\d+)/.exec(output)![1]);
    parent.kill('SIGKILL');
    await pipeClosed;
    expect(output).toContain('service: SIGTERM');
    servicePid = 0;
  } finally {
    parent.kill('SIGKILL');
    if (servicePid) process.kill(servicePid, 'SIGKILL');
  }
});
