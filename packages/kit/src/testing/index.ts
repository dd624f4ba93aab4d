import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type {} from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the `postgres` database of the e2e cluster; each test file creates its own database. */
    postgresAdminUrl: string;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database on the test cluster, so test files never share state. */
export async function createTestDatabase(adminUrl: string, prefix = 'test'): Promise<TestDatabase> {
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
  await admin(`CREATE DATABASE "${name}"`);
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
