import type { EntityManager } from 'typeorm';

/**
 * Inserts rows in multi-row statements of `batchSize` (well under PostgreSQL's 65,535 bind
 * parameters), skipping rows whose key already exists so that seeding is idempotent.
 */
export async function bulkInsert(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: { conflict?: string; batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? Math.max(1, Math.floor(60_000 / columns.length));
  const conflict = options.conflict ?? 'ON CONFLICT DO NOTHING';
  let inserted = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      if (row.length !== columns.length) throw new Error(`${table}: row has ${row.length} values for ${columns.length} columns`);
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${conflict}`, params);
    inserted += Array.isArray(result) ? batch.length : 0;
  }
  return inserted;
}
