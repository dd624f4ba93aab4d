import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '@ioc/kit';
import { createTestDatabase } from '@ioc/kit/testing';
import { startEmbeddedPostgres } from '@ioc/infra/embedded-postgres';
import { domainSeeds, seedAll } from '@ioc/seeds';


/**
 * One real PostgreSQL for the whole e2e run: `TEST_DATABASE_URL` when given, otherwise an
 * embedded cluster in a temporary directory, thrown away afterwards. Each subgraph's small seed is
 * written once, into a database its tests copy (services' tests cannot import the seeds, which
 * depend on the services).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    const seeded = await seedTemplates(process.env.TEST_DATABASE_URL);
    project.provide('postgresAdminUrl', process.env.TEST_DATABASE_URL);
    project.provide('seededDatabases', seeded.names);
    return seeded.drop;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ioc-test-pg-'));
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dir, port, logger: createLogger('test-postgres', 'warn') });
  project.provide('postgresAdminUrl', db.url('postgres'));
  project.provide('seededDatabases', (await seedTemplates(db.url('postgres'))).names);
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function seedTemplates(adminUrl: string) {
  const logger = createLogger('test-seed', 'warn');
  const databases = await Promise.all(
    domainSeeds.map(async (seed) => {
      const database = await createTestDatabase(adminUrl, `seeded_${seed.name}`);
      await seedAll({ databaseUrl: database.url, profile: 'small', logger }, [seed]);
      return { name: seed.subgraph.name, database };
    }),
  );
  return {
    names: Object.fromEntries(databases.map(({ name, database }) => [name, new URL(database.url).pathname.slice(1)])),
    drop: async () => void (await Promise.all(databases.map(({ database }) => database.drop()))),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
