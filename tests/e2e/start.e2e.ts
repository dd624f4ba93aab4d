import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-start-'));
let gatewayPort = 0;
let subgraphPortOffset = 0;
let postgresPort = 0;

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });

/** Ports nobody holds: the gateway's, the next four for the subgraphs, and one for PostgreSQL. */
async function choosePorts(): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    const wanted = [base, base + 1, base + 2, base + 3, base + 4, base + 10];
    if ((await Promise.all(wanted.map(portFree))).every(Boolean)) {
      gatewayPort = base;
      subgraphPortOffset = base + 1 - 4101;
      postgresPort = base + 10;
      return;
    }
  }
  throw new Error('no free ports found');
}

interface Run {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** `npm start` as a newcomer runs it, on other ports and a throwaway data folder. */
function start(): Run {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'src', 'start.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(postgresPort),
      PORT: String(gatewayPort),
      SUBGRAPH_PORT_OFFSET: String(subgraphPortOffset),
      SEED_PROFILE: 'small',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ioc-graph is ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`start exited with ${code} before ready:\n${output.slice(-3000)}`)));
  });
  const run = { child, output: () => output, ready, exited };
  runs.push(run);
  return run;
}

/** `npm run token -- <role>`, as the README tells a newcomer to get a token. */
function token(role: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'src', 'token.ts'), role], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`token script failed: ${run.stderr}`);
  return run.stdout.trim();
}

async function provinceName(bearer = token('ioc-viewer')): Promise<unknown> {
  const response = await fetch(`http://localhost:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: '{ province(code: "84") { name digitalGovernment { __typename } infrastructure { __typename } security { __typename } digitalEconomy { __typename } } }' }),
  });
  return response.json();
}

const runs: Run[] = [];

describe('the start command', () => {
  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGINT');
    await Promise.all(runs.map((run) => run.exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything on an embedded database, stops cleanly on Ctrl-C, and reuses the data on the next start', async () => {
    await choosePorts();
    const first = start();
    await first.ready;
    expect(first.output()).toMatch(/embedded PostgreSQL created/);
    expect(first.output()).toMatch(/"msg":"seeded","domain":"egov"/);
    expect(await provinceName()).toEqual({
      data: {
        province: {
          name: 'Trà Vinh',
          digitalGovernment: { __typename: 'DigitalGovernmentSummary' },
          infrastructure: { __typename: 'InfrastructureSummary' },
          security: { __typename: 'SecuritySummary' },
          digitalEconomy: { __typename: 'DigitalEconomySummary' },
        },
      },
    });
    expect(await provinceName('not-a-token')).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    // The console on the same origin (built by the e2e global setup, so this start found it fresh).
    expect(first.output()).toContain(`console                     http://localhost:${gatewayPort}/`);
    const page = await fetch(`http://localhost:${gatewayPort}/soc`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<script type="module"[^>]+src="\/assets\//);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = start();
    await second.ready;
    expect(second.output()).toMatch(/embedded PostgreSQL reused/);
    expect(second.output()).not.toMatch(/"msg":"seeding"/);
    expect(await provinceName()).toMatchObject({ data: { province: { name: 'Trà Vinh' } } });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
