import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type EntityManager, type MixedList } from 'typeorm';
import { invalidateCachesOnCommit } from './event-cache';

/** A database problem reduced to one line an operator can act on. */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code || cause.name : String(cause);
    super(`database unreachable at ${redactUrl(url)}: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema; every table of the service lives there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  poolSize?: number;
  /** Test-only: build tables from entities instead of migrations. */
  synchronize?: boolean;
  logQueries?: (sql: string) => void;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  if (!identifier.test(options.schema)) throw new Error(`invalid schema name "${options.schema}"`);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: options.synchronize ?? false,
    // Raw SQL in migrations and queries stays unqualified: the service's schema comes first.
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema},public` },
    logging: options.logQueries ? ['query'] : false,
    logger: options.logQueries ? new QueryLogger(options.logQueries) : undefined,
  });
}

class QueryLogger {
  constructor(private readonly sink: (sql: string) => void) {}
  logQuery(query: string) {
    this.sink(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** Creates the service schema, connects and applies pending migrations. */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  await ensureSchema(options.url, options.schema);
  const dataSource = createServiceDataSource(options);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnavailableError(options.url, error);
  }
  if (!options.synchronize) await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `GET /readyz` for a service: the database answers a trivial query. */
export async function pingDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('SELECT 1');
}

/** A unit of work: the transaction's entity manager plus hooks that run after it commits. */
export interface Transaction {
  manager: EntityManager;
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  onCommit(hook: () => void): void;
}

export async function withTransaction<T>(dataSource: DataSource, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = [];
  const result = await dataSource.transaction(async (manager) =>
    work({
      manager,
      query: (sql, params) => manager.query(sql, params),
      onCommit: (hook) => hooks.push(hook),
    }),
  );
  // Committed: every hook runs and the caches are cleared even if one hook throws, so one failing
  // side effect cannot leave a cache serving what the commit changed. The first failure is rethrown.
  let failure: { error: unknown } | undefined;
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      failure ??= { error };
    }
  }
  invalidateCachesOnCommit(dataSource);
  if (failure) throw failure.error;
  return result;
}
