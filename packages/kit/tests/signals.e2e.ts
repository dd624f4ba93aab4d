import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/stopping.process.ts', import.meta.url));

/** Starts the fixture, sends SIGTERM once it is ready, and gives its exit code and output. */
function stopWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      if (!before.includes('ready') && output.includes('ready')) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('exitOnSignals', () => {
  it('exits 0 when the stop finishes within the deadline', async () => {
    const { code, output } = await stopWith({ STOP_MS: '50', DEADLINE_MS: '20000' });
    expect(code).toBe(0);
    expect(output).not.toContain('did not finish in time');
  });

  it('exits 1 and says so when the stop hangs past the deadline', async () => {
    const { code, output } = await stopWith({ DEADLINE_MS: '300' });
    expect(code).toBe(1);
    expect(output).toContain('shutdown did not finish in time');
  });
});
