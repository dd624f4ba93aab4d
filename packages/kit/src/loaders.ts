import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from 'typeorm';
import type { LoaderRegistry } from './references';

/**
 * The one loader API of every subgraph: each function batches, per request, every key asked for
 * in one tick into one call (one SQL query), so a list of N parents resolving a field costs one
 * query, not N. Services name their loaders in `loaders/*.loader.ts` on top of these and never
 * reach for the request's DataLoaders directly.
 */
export interface LoaderContext {
  db: DataSource;
  loaders: LoaderRegistry;
}

type Entity<T> = EntityTarget<T> & { name: string };

/** The row whose unique `column` equals `key`, or null. */
export function loadBy<T extends ObjectLiteral>(ctx: LoaderContext, entity: Entity<T>, column: keyof T & string, key: string): Promise<T | null> {
  return ctx.loaders
    .get<string, T>(`${entity.name}:${column}`, async (keys) => {
      const rows = await ctx.db.getRepository(entity).findBy({ [column]: In([...keys]) } as never);
      return alignByKey(keys, rows, (row) => String(row[column]));
    })
    .load(key);
}

/** Every row whose `column` equals `key`, in `order` (one-to-many). */
export function loadManyBy<T extends ObjectLiteral>(
  ctx: LoaderContext,
  entity: Entity<T>,
  column: keyof T & string,
  key: string,
  order: FindOptionsOrder<T>,
): Promise<T[]> {
  return loadGrouped(
    ctx,
    `${entity.name}:${column}:many:${JSON.stringify(order)}`,
    key,
    (keys) => ctx.db.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order }),
    (row) => String(row[column]),
  );
}

/** The rows `batch` returns for `key` (matched back by `keyOf`), for queries findBy cannot express. */
export function loadGrouped<K, R>(ctx: LoaderContext, name: string, key: K, batch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): Promise<R[]> {
  return ctx.loaders
    .get<K, R[]>(name, async (keys) => {
      const groups = groupByKey(await batch(keys), keyOf);
      return keys.map((k) => groups.get(k) ?? []);
    })
    .load(key)
    .then((rows) => rows ?? []);
}

/** As loadGrouped, the first row for `key`, or null. */
export async function loadOne<K, R>(ctx: LoaderContext, name: string, key: K, batch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): Promise<R | null> {
  return (await loadGrouped(ctx, name, key, batch, keyOf))[0] ?? null;
}

/** One value per key from `batch`, which answers in the order of the keys it was given (counts, aggregates). */
export function loadEach<K, V>(ctx: LoaderContext, name: string, key: K, batch: (keys: readonly K[]) => Promise<V[]>): Promise<V> {
  return ctx.loaders
    .get<K, V>(name, (keys) => batch(keys))
    .load(key)
    .then((value) => value as V);
}

/** A value computed at most once per request, however many fields ask for it. */
export function loadOnce<T>(ctx: LoaderContext, name: string, compute: () => Promise<T>): Promise<T> {
  return ctx.loaders
    .get<string, T>(name, async (keys) => {
      const value = await compute();
      return keys.map(() => value);
    })
    .load('once')
    .then((value) => value as T);
}

/** Orders rows to match the keys they were loaded for; missing rows become null. */
export function alignByKey<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): Array<T | null> {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

function groupByKey<K, R>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}
