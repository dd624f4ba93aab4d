import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The columns one sort option of a list orders by, most significant first. End with a unique
 * column so ties are broken the same way on every page (cursors rely on it).
 */
export type Ordering = ReadonlyArray<readonly [column: string, direction: 'ASC' | 'DESC', nulls?: 'NULLS FIRST' | 'NULLS LAST']>;

/** Orders `query` by `ordering`, replacing any order it had. */
export function applyOrdering<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, ordering: Ordering): SelectQueryBuilder<T> {
  ordering.forEach(([column, direction, nulls], index) => (index === 0 ? query.orderBy(column, direction, nulls) : query.addOrderBy(column, direction, nulls)));
  return query;
}
