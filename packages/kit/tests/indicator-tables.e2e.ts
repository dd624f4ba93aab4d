import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDatabase } from '../src/database';
import {
  addDomainCheck,
  dropDomainCheck,
  IndicatorDefinitionRow,
  indicatorDefinitionOf,
  IndicatorDefinitions1764100000000,
  ReportedMeasurement,
  ReportedMeasurements1764100000100,
} from '../src/indicators';
import { IndicatorComparator } from '../src/indicator';
import { createTestDatabase, type TestDatabase } from '../src/testing';

/** A subgraph's own domain migration, as the services write theirs. */
class DemoDomain1764160000000 implements MigrationInterface {
  name = 'DemoDomain1764160000000';
  async up(db: QueryRunner) {
    await addDomainCheck(db, 'indicator_definition', ['DEMO']);
    await addDomainCheck(db, 'reported_measurement', ['DEMO', 'DEMO_TOTALS']);
  }
  async down(db: QueryRunner) {
    await dropDomainCheck(db, 'reported_measurement');
    await dropDomainCheck(db, 'indicator_definition');
  }
}

const measurement = (indicator: string, period: string, periodEnd: string, value: number, domain = 'DEMO') => ({
  indicator, period, periodEnd, domain, titleVi: indicator, titleEn: indicator, unit: 'count', value, qualifier: null, source: 'test', synthetic: false, recordedAt: new Date(),
});

describe("the kit's indicator tables", () => {
  let database: TestDatabase;
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'indicators');
    db = await openServiceDatabase({
      url: database.url,
      schema: 'demo',
      entities: [IndicatorDefinitionRow, ReportedMeasurement],
      migrations: [DemoDomain1764160000000, ReportedMeasurements1764100000100, IndicatorDefinitions1764100000000],
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it("creates both tables in the subgraph's schema before its domain migration", async () => {
    const tables = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'demo' AND table_name LIKE '%_%' ORDER BY 1`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(expect.arrayContaining(['indicator_definition', 'reported_measurement']));
    const ran = await db.query('SELECT name FROM demo.migrations ORDER BY id');
    expect(ran.map((m: { name: string }) => m.name)).toEqual(['IndicatorDefinitions1764100000000', 'ReportedMeasurements1764100000100', 'DemoDomain1764160000000']);
  });

  it("keeps the plan's decimals exact, in SQL sums and back in JavaScript", async () => {
    const repo = db.getRepository(ReportedMeasurement);
    await repo.save([measurement('demo.a', '2022', '2022-12-31', 39217.236), measurement('demo.b', '2022', '2022-12-31', 0.1), measurement('demo.c', '2022', '2022-12-31', 0.2)]);
    expect((await repo.findOneByOrFail({ indicator: 'demo.a', period: '2022' })).value).toBe(39217.236);
    const [sum] = await db.query(`SELECT sum(value)::text AS total FROM reported_measurement WHERE indicator IN ('demo.b', 'demo.c')`);
    expect(sum.total).toBe('0.3');
  });

  it('maps a stored definition to what evaluateIndicator needs', async () => {
    const repo = db.getRepository(IndicatorDefinitionRow);
    await repo.insert({
      code: 'demoShare', domain: 'DEMO', position: 0, titleVi: 'Tỷ lệ', titleEn: 'Share', unit: '%', baseline: 15.66, baselineSource: null,
      baselineNote: null, target: 50, comparator: IndicatorComparator.GTE, qualitative: false, source: 'Phần II',
    });
    const row = await repo.findOneByOrFail({ code: 'demoShare' });
    expect(indicatorDefinitionOf(row)).toEqual({ code: 'demoShare', titleVi: 'Tỷ lệ', titleEn: 'Share', unit: '%', baseline: 15.66, target: 50, comparator: 'GTE' });
  });

  it("refuses other domains, unknown comparators and malformed periods", async () => {
    const repo = db.getRepository(ReportedMeasurement);
    await expect(repo.insert(measurement('demo.x', '2022', '2022-12-31', 1, 'SECURITY'))).rejects.toThrow(/reported_measurement_domain_check/);
    await expect(repo.insert(measurement('demo.x', '2023-13', '2023-12-31', 1))).rejects.toThrow(/check constraint/);
    await repo.insert(measurement('demo.x', '2023-Q1', '2023-03-31', 1, 'DEMO_TOTALS'));
    await expect(
      db.query(`INSERT INTO indicator_definition (code, domain, position, title_vi, title_en, unit, target, comparator, source) VALUES ('x', 'DEMO', 1, 'x', 'x', '%', 1, 'ABOUT', 'x')`),
    ).rejects.toThrow(/check constraint/);
  });

  it('reverts to nothing', async () => {
    await db.undoLastMigration();
    await db.undoLastMigration();
    await db.undoLastMigration();
    const [left] = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'demo' AND table_name IN ('indicator_definition', 'reported_measurement')`);
    expect(left.n).toBe(0);
  });
});
