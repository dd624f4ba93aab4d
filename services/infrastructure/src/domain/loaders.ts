import type { SubgraphContext } from '@ioc/kit';

/**
 * Loads one value per key through the request's DataLoader `name`: all keys asked for in one
 * tick become one call of `batch`, which returns rows that `keyOf` maps back to their key.
 */
export function loadGrouped<K, R>(
  ctx: SubgraphContext,
  name: string,
  key: K,
  batch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): Promise<R[]> {
  return ctx.loaders
    .get<K, R[]>(name, async (keys) => {
      const rows = await batch(keys);
      const groups = new Map<K, R[]>();
      for (const row of rows) {
        const group = groups.get(keyOf(row));
        if (group) group.push(row);
        else groups.set(keyOf(row), [row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    })
    .load(key)
    .then((rows) => rows ?? []);
}

export async function loadOne<K, R>(
  ctx: SubgraphContext,
  name: string,
  key: K,
  batch: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): Promise<R | null> {
  const rows = await loadGrouped(ctx, name, key, batch, keyOf);
  return rows[0] ?? null;
}
