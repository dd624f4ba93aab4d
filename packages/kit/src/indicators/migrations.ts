import type { MigrationInterface, QueryRunner } from 'typeorm';

const code = `'^[A-Za-z][A-Za-z0-9_.-]{0,99}$'`;

/**
 * The plan's 2023 targets of one subgraph's domains, in the subgraph's own schema (every subgraph
 * that computes indicators lists this migration). Values are `numeric`: exact decimals as the
 * plan writes them (15.66, 39217.236).
 */
export class IndicatorDefinitions1764100000000 implements MigrationInterface {
  name = 'IndicatorDefinitions1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_definition (
        code text PRIMARY KEY CHECK (code ~ ${code}),
        domain text NOT NULL,
        position integer NOT NULL,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        unit text NOT NULL,
        baseline numeric,
        baseline_source text,
        baseline_note text,
        target numeric NOT NULL,
        comparator text NOT NULL CHECK (comparator IN ('GTE', 'GT', 'EQ', 'LTE')),
        qualitative boolean NOT NULL DEFAULT false,
        source text NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE indicator_definition');
  }
}

/**
 * Figures reported only as totals, per period, in the subgraph's own schema (every subgraph that
 * keeps some lists this migration). `period_end` orders periods of different lengths.
 */
export class ReportedMeasurements1764100000100 implements MigrationInterface {
  name = 'ReportedMeasurements1764100000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reported_measurement (
        indicator text NOT NULL CHECK (indicator ~ ${code}),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$'),
        period_end date NOT NULL,
        domain text NOT NULL,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        unit text NOT NULL,
        value numeric NOT NULL,
        qualifier text CHECK (qualifier IN ('GT', 'APPROX')),
        source text NOT NULL,
        synthetic boolean NOT NULL DEFAULT false,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator, period)
      )`);
    await db.query('CREATE INDEX reported_measurement_latest_idx ON reported_measurement (indicator, period_end DESC)');
    await db.query('CREATE INDEX reported_measurement_domain_idx ON reported_measurement (domain)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reported_measurement');
  }
}

export type IndicatorTable = 'indicator_definition' | 'reported_measurement';

const domainName = /^[A-Z][A-Z_]*$/;

/**
 * Limits one of the kit's indicator tables to the domains of the subgraph (its domain migration
 * calls this; `dropDomainCheck` in its `down`).
 */
export async function addDomainCheck(db: QueryRunner, table: IndicatorTable, domains: readonly string[]): Promise<void> {
  const bad = domains.find((domain) => !domainName.test(domain));
  if (bad !== undefined || domains.length === 0) throw new Error(`${table}: invalid domain list ${JSON.stringify(domains)}`);
  await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_domain_check CHECK (domain IN (${domains.map((d) => `'${d}'`).join(', ')}))`);
}

export async function dropDomainCheck(db: QueryRunner, table: IndicatorTable): Promise<void> {
  await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_domain_check`);
}
