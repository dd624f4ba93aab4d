import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { openServiceDatabase } from '../src/database';
import { loadBy, loadManyBy } from '../src/loaders';
import { LoaderRegistry } from '../src/references';
import { createTestDatabase, type TestDatabase } from '../src/testing';

@Entity({ name: 'district' })
class District {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text', name: 'province_code' })
  provinceCode!: string;

  @Column({ type: 'text' })
  name!: string;
}

describe('loadBy and loadManyBy on PostgreSQL', () => {
  let database: TestDatabase;
  let db: DataSource;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'loaders');
    db = await openServiceDatabase({
      url: database.url,
      schema: 'demo',
      entities: [District],
      migrations: [],
      logQueries: (sql) => {
        if (/^SELECT/.test(sql)) statements.push(sql);
      },
    });
    await db.query('CREATE TABLE district (code text PRIMARY KEY, province_code text NOT NULL, name text NOT NULL)');
    await db.query(`INSERT INTO district VALUES ('842', '84', 'Càng Long'), ('843', '84', 'Cầu Kè'), ('841', '84', 'Châu Thành'), ('861', '86', 'Long Hồ')`);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('answers N keys of one request with one query, nulls and empty lists for misses', async () => {
    const ctx = { db, loaders: new LoaderRegistry() };
    statements.length = 0;
    const [a, b, missing] = await Promise.all(['843', '861', '999'].map((code) => loadBy(ctx, District, 'code', code)));
    expect([a?.name, b?.name, missing]).toEqual(['Cầu Kè', 'Long Hồ', null]);
    expect(statements).toHaveLength(1);

    statements.length = 0;
    const [tra, vinh, none] = await Promise.all(['84', '86', '87'].map((province) => loadManyBy(ctx, District, 'provinceCode', province, { code: 'ASC' })));
    expect(tra!.map((d) => d.code)).toEqual(['841', '842', '843']);
    expect([vinh!.map((d) => d.name), none]).toEqual([['Long Hồ'], []]);
    expect(statements).toHaveLength(1);
  });
});
