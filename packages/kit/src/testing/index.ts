import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type {} from 'vitest';
import { gatewayTokenHeader, signGatewayToken } from '../auth/gateway-token';
import type { Principal } from '../auth/principal';
import { silentLogger } from '../logger';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../subgraph';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of the e2e cluster; each test file creates its own database. */
    postgresAdminUrl: string;
    /** Per subgraph, a database on that cluster holding its small seed: the `template` of `startTestSubgraph`. */
    seededDatabases: Record<string, string>;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the test cluster (a copy of `template` if given), so test files never share state. */
export async function createTestDatabase(adminUrl: string, prefix = 'test', template?: string): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A transaction stand-in for buses under unit test: `commit()` runs the hooks, `rollback()` drops them. */
export function fakeTransaction() {
  const hooks: Array<() => void> = [];
  return {
    tx: {
      manager: undefined as never,
      query: async () => [] as never,
      onCommit: (hook: () => void) => void hooks.push(hook),
    },
    commit: () => hooks.splice(0).forEach((hook) => hook()),
    rollback: () => void hooks.splice(0),
  };
}

/** A secret for gateway tokens in tests (the real one is generated per data folder). */
export const testGatewaySecret = 'test-gateway-token-secret-0123456789abcdef';

/** Headers a gateway would add for this caller: for tests that call a subgraph directly. */
export async function asCaller(principal: Partial<Principal> = {}, secret = testGatewaySecret): Promise<Record<string, string>> {
  const token = await signGatewayToken({ subject: 'test-user', role: 'admin', ...principal }, secret);
  return { [gatewayTokenHeader]: token };
}

export interface GraphQLTestResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
}

export interface TestSubgraph {
  server: RunningSubgraph;
  database: TestDatabase;
  /** Every SQL statement the subgraph ran since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  /** Calls the subgraph as the gateway would for `caller` (default: an admin). */
  query<T = any>(query: string, variables?: Record<string, unknown>, caller?: Partial<Principal>): Promise<GraphQLTestResult<T>>;
  stop(): Promise<void>;
}

/** One subgraph alone on a fresh database (a copy of `template`, then `seed`), counting its SQL. */
export async function startTestSubgraph(
  definition: SubgraphDefinition,
  options: { adminUrl: string; prefix?: string; template?: string; seed?: (databaseUrl: string) => Promise<void> },
): Promise<TestSubgraph> {
  const database = await createTestDatabase(options.adminUrl, options.prefix ?? definition.name, options.template);
  await options.seed?.(database.url);
  const queries: string[] = [];
  const server = await startSubgraph(definition, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    gatewayTokenSecret: testGatewaySecret,
    logger: silentLogger,
    logQueries: (sql) => queries.push(sql),
  });
  return {
    server,
    database,
    queries,
    resetQueries: () => void queries.splice(0),
    async query(query, variables, caller) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await asCaller(caller)) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLTestResult;
    },
    async stop() {
      await server.close();
      await database.drop();
    },
  };
}

export * from './live';
export * from './brokers';
export * from './subgraph-with-bus';
