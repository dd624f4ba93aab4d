// Scratch: seeds egov on a throwaway embedded PostgreSQL and prints the timing. Not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@ioc/kit';
import { startEmbeddedPostgres } from '@ioc/infra/embedded-postgres';
import { seedAll } from '@ioc/seeds';
import { egovSeed } from '../../../seeds/src/egov/egov.seed';

const dir = mkdtempSync(join(tmpdir(), 'egov-seed-'));
const db = await startEmbeddedPostgres({ dir, port: 55432 + Math.floor(Math.random() * 1000), logger: createLogger('pg', 'warn') });
try {
  const url = db.url('postgres');
  // `small,full` seeds twice on one database: the second run replaces the first (idempotence check).
  for (const profile of (process.argv[2] ?? 'full').split(',') as Array<'full' | 'small'>) {
    const reports = await seedAll({ databaseUrl: url, profile, logger: createLogger('seeds', 'info') }, [egovSeed]);
    console.log(JSON.stringify(reports));
  }
  if (process.argv[3] === 'keep') { console.log('URL', url); await new Promise((r) => setTimeout(r, 1e9)); }
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
