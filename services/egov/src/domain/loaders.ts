import type { SubgraphContext } from '@ioc/kit';
import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** Per-request batched lookup by a unique column: N parents, one SQL query. */
export function loadBy<T extends ObjectLiteral>(ctx: SubgraphContext, entity: EntityTarget<T> & { name: string }, column: keyof T & string, key: string): Promise<T | null> {
  return ctx.loaders
    .get<string, T>(`${entity.name}:${column}`, async (keys) => {
      const rows = await ctx.db.getRepository(entity).findBy({ [column]: In([...keys]) } as never);
      const byKey = new Map(rows.map((row) => [String(row[column]), row]));
      return keys.map((k) => byKey.get(k) ?? null);
    })
    .load(key);
}

/** Per-request batched one-to-many lookup: all children of N parents in one SQL query. */
export function loadManyBy<T extends ObjectLiteral>(
  ctx: SubgraphContext,
  entity: EntityTarget<T> & { name: string },
  column: keyof T & string,
  key: string,
  order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>,
): Promise<T[]> {
  return ctx.loaders
    .get<string, T[]>(`${entity.name}:${column}:many`, async (keys) => {
      const rows = await ctx.db.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
      const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) byKey.get(String(row[column]))?.push(row);
      return keys.map((k) => byKey.get(k)!);
    })
    .load(key) as Promise<T[]>;
}
