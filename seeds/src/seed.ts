import { openServiceDatabase, type Logger } from '@ioc/kit';
import pg from 'pg';
import type { DataSource } from 'typeorm';
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
  /** Volume factor of the synthetic activity rows (dossiers, feedback, alerts); default: SEED_SCALE, else 1. */
  scale?: number;
  /** Progress lines of a long seed; default: stderr when scale > 1, nothing otherwise. */
  progress?: (line: string) => void;
}

/** The largest scale: seeded dossier ids must stay below the live ids (10,000,001 on). */
export const maxSeedScale = 32;

/**
 * Reads a seed scale factor (SEED_SCALE): a positive integer up to maxSeedScale; unset or empty
 * means 1. Anything else is a clear error. At scale > 1 the plan's 2022 figures (dossiers
 * received, alerts of 2022, open feedback...) are multiplied by the scale: the figures contract
 * holds at scale 1 only.
 */
export function seedScaleOf(value: string | number | undefined): number {
  if (value === undefined || value === '') return 1;
  const text = String(value).trim();
  const scale = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(scale) || scale < 1 || scale > maxSeedScale) {
    throw new Error(`SEED_SCALE must be a positive integer from 1 to ${maxSeedScale} (the volume factor of the synthetic dossiers, feedback and alerts); got ${JSON.stringify(value)}`);
  }
  return scale;
}

/** The ledger's profile: a scaled seed is another data set ("full×4"), so changing the scale seeds again. */
export const seedLabel = (profile: SeedProfile, scale: number) => (scale === 1 ? profile : `${profile}×${scale}`);

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
  const scale = options.scale === undefined ? seedScaleOf(process.env.SEED_SCALE) : seedScaleOf(options.scale);
  const label = seedLabel(options.profile, scale);
  const progress = options.progress ?? (scale > 1 ? (line: string) => process.stderr.write(`seeds (×${scale}): ${line}\n`) : undefined);
  const ledger = await openLedger(options.databaseUrl);
  const reports: SeedReport[] = [];
  try {
    for (const seed of seeds) {
      const started = performance.now();
      const done = await ledger.query('SELECT 1 FROM public.ioc_seed WHERE domain = $1 AND version = $2 AND profile = $3', [
        seed.name,
        seed.version,
        label,
      ]);
      if (done.rowCount) {
        reports.push({ domain: seed.name, skipped: true, counts: {}, ms: 0 });
        continue;
      }
      options.logger.info('seeding', { domain: seed.name, profile: options.profile, scale });
      progress?.(`${seed.name}…`);
      const db = await openServiceDatabase({
        url: options.databaseUrl,
        schema: seed.subgraph.dbSchema,
        entities: seed.subgraph.entities,
        migrations: seed.subgraph.migrations,
      });
      try {
        const counts = await db.transaction((manager) => seed.run(manager, { profile: options.profile, logger: options.logger, scale, progress }));
        await analyzeSchema(db, seed.subgraph.dbSchema);
        await ledger.query(
          `INSERT INTO public.ioc_seed (domain, version, profile, counts) VALUES ($1, $2, $3, $4)
           ON CONFLICT (domain) DO UPDATE SET version = EXCLUDED.version, profile = EXCLUDED.profile, counts = EXCLUDED.counts, seeded_at = now()`,
          [seed.name, seed.version, label, JSON.stringify(counts)],
        );
        const ms = Math.round(performance.now() - started);
        options.logger.info('seeded', { domain: seed.name, ms, ...counts });
        progress?.(`${seed.name} seeded in ${(ms / 1000).toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
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

/**
 * Freshly filled tables have no statistics until autovacuum comes round, and until then the
 * planner guesses a handful of rows and sorts where an index would serve (the BTS page by
 * district did so on every freshly seeded bench database).
 */
async function analyzeSchema(db: DataSource, schema: string): Promise<void> {
  const tables: Array<{ tablename: string }> = await db.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
  for (const { tablename } of tables) await db.query(`ANALYZE "${schema}"."${tablename}"`);
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
