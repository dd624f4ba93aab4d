import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createLogger } from '@ioc/kit';
import '@ioc/kit/testing';
import { startEmbeddedPostgres } from '@ioc/infra/embedded-postgres';


/**
 * One real PostgreSQL for the whole e2e run: `TEST_DATABASE_URL` when given, otherwise an
 * embedded cluster in a temporary directory, thrown away afterwards.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ioc-test-pg-'));
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dir, port, logger: createLogger('test-postgres', 'warn') });
  project.provide('postgresAdminUrl', db.url('postgres'));
  return async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
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
