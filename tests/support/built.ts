import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@ioc/kit/testing';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * `npm run build` for these packages and what they depend on. Turbo replays a package whose
 * inputs have not changed from its cache, so after CI's own build this costs a second or two.
 */
export function buildPackages(packages: string[]): void {
  const run = spawnSync('npx', ['turbo', 'run', 'build', ...packages.map((name) => `--filter=${name}`), '--output-logs=errors-only'], {
    cwd: repoRoot,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run build failed for ${packages.join(', ')}:\n${run.stdout}\n${run.stderr}`);
}

export interface BuiltProcess {
  name: string;
  pid: number;
  url: string;
  output(): string;
  /** SIGTERM, as Kubernetes and Docker stop a container; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs a built entry (`node --conditions=built <package>/dist/...`) exactly as the production
 * images do: no TypeScript loader, other @ioc packages from their dist/. Resolves once `/readyz`
 * answers 200; rejects with the process's output if it exits or is not ready within 60 s.
 */
export async function startBuilt(name: string, entry: string, port: number, env: Record<string, string>): Promise<BuiltProcess> {
  let output = '';
  const child = spawn(process.execPath, ['--conditions=built', join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode} before it was ready:\n${output}`);
    if (waited > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 60 s:\n${output}`);
    }
    const ready = await fetch(`${base}/readyz`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    pid: child.pid!,
    url: base,
    output: () => output,
    stop: () => {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface BuiltKeys {
  authSecret: string;
  gatewayTokenSecret: string;
}

/** A built subgraph in production mode over `databaseUrl`, on `port` (a restart) or a free one. */
export async function startBuiltSubgraph(name: string, databaseUrl: string, keys: BuiltKeys, env: Record<string, string> = {}, port?: number): Promise<BuiltProcess> {
  return startBuilt(name, `services/${name}/dist/index.js`, port ?? (await freePort()), {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    GATEWAY_TOKEN_SECRET: keys.gatewayTokenSecret,
    ...env,
  });
}

/**
 * The built gateway in production mode (HS256 caller tokens from `keys.authSecret`, issuer
 * `issuer`), routing each subgraph named in `urls` to its URL; the others to a closed port.
 */
export async function startBuiltGateway(keys: BuiltKeys, issuer: string, urls: Record<string, string>, env: Record<string, string> = {}): Promise<BuiltProcess> {
  const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
  const routes = Object.fromEntries(['egov', 'infrastructure', 'security', 'economy'].map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, urls[name] ?? nowhere]));
  return startBuilt('gateway', 'gateway/dist/index.js', await freePort(), {
    NODE_ENV: 'production',
    AUTH_SECRET: keys.authSecret,
    AUTH_ISSUER: issuer,
    GATEWAY_TOKEN_SECRET: keys.gatewayTokenSecret,
    ...routes,
    ...env,
  });
}
