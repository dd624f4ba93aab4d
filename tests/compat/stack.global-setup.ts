import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLogger } from '@ioc/kit';
import { startGateway } from '@ioc/gateway';
import { composeSupergraph } from '@ioc/gateway/compose';
import { devAuthOptions, generateDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { startFrontDoor } from './front-door';
import { startProductsSubgraph } from './products/src/server';

/**
 * The stack Apollo's compatibility suite expects: its own users (4002) and inventory (4003)
 * subgraphs as child processes, our products subgraph (4001) and our gateway behind a front door
 * (4000), composed with @apollo/composition. Ports are fixed: the suite hardcodes the gateway's.
 */
const PORTS = { gateway: 4000, products: 4001, users: 4002, inventory: 4003 } as const;
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('@apollo/federation-subgraph-compatibility-tests/package.json'));
/** The suite's subgraphs stop when this process is gone, even killed, instead of holding 4002/4003. */
const exitWithParent = require.resolve('@ioc/infra/exit-with-parent');
const suiteSubgraph = (name: 'users' | 'inventory') => join(pkg, 'dist', 'subgraphs', name);

export default async function setup() {
  await assertPortsFree();
  const logger = createLogger('compat', 'warn');
  const children: ChildProcess[] = [];
  const servers: Array<{ close(): Promise<void> }> = [];
  const dir = mkdtempSync(join(tmpdir(), 'ioc-compat-'));

  const teardown = async () => {
    for (const server of servers.reverse()) await server.close().catch(() => undefined);
    await Promise.all(children.map(stopChild));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const [users, inventory] = await Promise.all([
      startSuiteSubgraph('users', 'USERS_PORT', PORTS.users, children),
      startSuiteSubgraph('inventory', 'INVENTORY_PORT', PORTS.inventory, children),
    ]);
    const products = await startProductsSubgraph({ port: PORTS.products, host: HOST, logger: logger.child({ subgraph: 'products' }) });
    servers.push(products);

    const supergraphPath = join(dir, 'supergraph.graphql');
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { name: 'products', url: products.url, sdl: products.sdl },
        { name: 'users', url: users.url, sdl: users.sdl },
        { name: 'inventory', url: inventory.url, sdl: inventory.sdl },
      ]),
    );
    const secrets = generateDevSecrets();
    const gateway = await startGateway({ port: 0, host: HOST, supergraphPath, logger: logger.child({ component: 'gateway' }), auth: devAuthOptions(secrets) });
    servers.push(gateway);
    // The suite tests the subgraph spec, not our auth: its requests go in as a viewer's.
    const token = await signDevToken(secrets, 'ioc-viewer');
    servers.push(await startFrontDoor({ port: PORTS.gateway, host: HOST, gatewayUrl: gateway.url.replace('localhost', HOST), authorization: `Bearer ${token}` }));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

interface SuiteSubgraph {
  url: string;
  sdl: string;
}

function startSuiteSubgraph(name: 'users' | 'inventory', portVariable: string, port: number, children: ChildProcess[]): Promise<SuiteSubgraph> {
  const cwd = suiteSubgraph(name);
  const child = fork(join(cwd, 'index.js'), [], {
    cwd,
    env: { ...process.env, [portVariable]: String(port), APOLLO_TELEMETRY_DISABLED: '1' },
    execArgv: ['--require', exitWithParent],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.push(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not report ready within ${READY_TIMEOUT_MS / 1000}s`), READY_TIMEOUT_MS);
    function fail(reason: string) {
      clearTimeout(timer);
      reject(new Error(`compat ${name} subgraph (port ${port}) ${reason}\n${output}`));
    }
    child.once('error', (error) => fail(`failed to start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
    child.on('message', (message) => {
      if (message !== 'ready') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.off('data', collect).resume();
      child.stderr?.off('data', collect).resume();
      resolve({ url: `http://localhost:${port}/`, sdl: readFileSync(join(cwd, `${name}.graphql`), 'utf8') });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A leftover from an earlier run (or anything else) on 4000–4003 would answer instead of this stack. */
async function assertPortsFree(): Promise<void> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(PORTS)) {
    if (!(await isFree(port))) taken.push(`${port} (${name})`);
  }
  if (taken.length) {
    throw new Error(
      `compat: port(s) ${taken.join(', ')} already in use. The suite needs 4000-4003; ` +
        `stop whatever holds them (a previous compat run?): lsof -iTCP:4000-4003 -sTCP:LISTEN`,
    );
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    // No host: the dual-stack wildcard, which collides with a listener on any local address.
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
