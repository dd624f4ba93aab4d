import { openServiceDatabase, type Logger } from '@ioc/kit';
import pg from 'pg';
import type { DomainSeed, SeedProfile } from './domain-seed';
import { economySeed } from './economy/economy.seed';
import { egovSeed } from './egov/egov.seed';
import { infrastructureSeed } from './infrastructure/infrastructure.seed';
import { securitySeed } from './security/security.seed';

export type { SeedProfile } from './domain-seed';

/** In dependency order: egov's agencies and systems are referenced by the others. */
export const domainSeeds: DomainSeed[] = [egovSeed, infrastructureSeed, securitySeed, economySeed];

export interface SeedOptions {
  databaseUrl: string;
  profile: SeedProfile;
  logger: Logger;
}

export interface SeedReport {
  domain: string;
  skipped: boolean;
  counts: Record<string, number>;
  ms: number;
}

/**
 * Seeds every domain whose data is missing or older than its seed version. A second run on a
 * seeded database only reads the `ioc_seed` ledger, so restarts reuse the data.
 */
export async function seedAll(options: SeedOptions, seeds: DomainSeed[] = domainSeeds): Promise<SeedReport[]> {
  const ledger = await openLedger(options.databaseUrl);
  const reports: SeedReport[] = [];
  try {
    for (const seed of seeds) {
      const started = performance.now();
      const done = await ledger.query('SELECT 1 FROM public.ioc_seed WHERE domain = $1 AND version = $2 AND profile = $3', [
        seed.name,
        seed.version,
        options.profile,
      ]);
      if (done.rowCount) {
        reports.push({ domain: seed.name, skipped: true, counts: {}, ms: 0 });
        continue;
      }
      options.logger.info('seeding', { domain: seed.name, profile: options.profile });
      const db = await openServiceDatabase({
        url: options.databaseUrl,
        schema: seed.subgraph.dbSchema,
        entities: seed.subgraph.entities,
        migrations: seed.subgraph.migrations,
      });
      try {
        const counts = await db.transaction((manager) => seed.run(manager, { profile: options.profile, logger: options.logger }));
        await ledger.query(
          `INSERT INTO public.ioc_seed (domain, version, profile, counts) VALUES ($1, $2, $3, $4)
           ON CONFLICT (domain) DO UPDATE SET version = EXCLUDED.version, profile = EXCLUDED.profile, counts = EXCLUDED.counts, seeded_at = now()`,
          [seed.name, seed.version, options.profile, JSON.stringify(counts)],
        );
        const ms = Math.round(performance.now() - started);
        options.logger.info('seeded', { domain: seed.name, ms, ...counts });
        reports.push({ domain: seed.name, skipped: false, counts, ms });
      } finally {
        await db.destroy();
      }
    }
  } finally {
    await ledger.end();
  }
  return reports;
}

async function openLedger(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS public.ioc_seed (
    domain text PRIMARY KEY,
    version integer NOT NULL,
    profile text NOT NULL,
    counts jsonb NOT NULL,
    seeded_at timestamptz NOT NULL DEFAULT now()
  )`);
  return client;
}
