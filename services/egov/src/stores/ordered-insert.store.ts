import type { Transaction } from '@ioc/kit';

/** A column filled per row: `values[i]` is row i's, sent as one `type[]` parameter. */
export interface PerRowColumn {
  name: string;
  type: string;
  values: readonly unknown[];
}

/** A column every row of the insert shares, sent once. */
export interface SharedColumn {
  name: string;
  type: string;
  value: unknown;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts one row per index of `columns`' values and answers the new ids in that order. `INSERT ...
 * RETURNING` promises no order, so the ids are drawn from the table's sequence in a materialized
 * CTE, numbered by ordinality, before the insert, and read back by that number: each item gets its
 * own id whatever order the insert takes.
 */
export async function insertInOrder(tx: Transaction, table: string, columns: readonly PerRowColumn[], shared: readonly SharedColumn[] = []): Promise<string[]> {
  // The names and types go into the SQL text, so only plain identifiers are taken.
  for (const name of [table, ...columns.map((c) => c.name), ...shared.map((c) => c.name)]) {
    if (!identifier.test(name)) throw new Error(`insertInOrder: "${name}" is not a plain SQL identifier`);
  }
  const rowCount = columns[0]?.values.length ?? 0;
  const uneven = columns.find((c) => c.values.length !== rowCount);
  if (uneven) throw new Error(`insertInOrder: column ${uneven.name} has ${uneven.values.length} values, ${columns[0]!.name} has ${rowCount}`);
  const names = columns.map((c) => c.name).join(', ');
  const sharedNames = shared.map((c) => `, ${c.name}`).join('');
  const sharedValues = shared.map((c, j) => `, $${columns.length + j + 1}::${c.type}`).join('');
  const ids = await tx.query<Array<{ id: string }>>(
    `WITH r AS MATERIALIZED (
       SELECT nextval(pg_get_serial_sequence('${table}', 'id')) AS id, u.*
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
         WITH ORDINALITY AS u(${names}, n)
     ), inserted AS (
       INSERT INTO ${table} (id, ${names}${sharedNames})
       SELECT id, ${names}${sharedValues} FROM r
       RETURNING id
     )
     SELECT r.id::text AS id FROM r JOIN inserted USING (id) ORDER BY r.n`,
    [...columns.map((c) => c.values), ...shared.map((c) => c.value)],
  );
  return ids.map((row) => String(row.id));
}
