import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export const maxPageSize = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${maxPageSize}.` })
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page (`pageInfo.endCursor`).' })
  after?: string | null;
}

@Directive('@tag(name: "agency")')
@ObjectType('PageInfo', { description: 'Where a page stands in its list.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

const connectionTypes = new Map<string, ClassType>();

/** `XConnection { nodes, totalCount, pageInfo }` for an item type; one class per name. */
export function connectionType<T extends object>(item: ClassType<T>, name: string): ClassType<Connection<T>> {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<Connection<T>>;
  @Directive('@tag(name: "agency")')
  @ObjectType(`${name}Connection`, { description: `A page of ${name} with the total matching count.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [item])
    nodes!: T[];

    @Field(() => Int, { description: 'All items matching the filters, across pages.' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  connectionTypes.set(name, ConnectionClass);
  return ConnectionClass;
}

/** The cursor of the item at `offset` (0-based) of a list. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

/**
 * Offsets past this are refused before they reach SQL: a crafted `o:99999999999999999999` would
 * otherwise surface PostgreSQL's `bigint out of range` (and a 400-digit one, `"infinity"`).
 */
export const maxCursorOffset = 1_000_000_000;

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset <= maxCursorOffset)) throw badInput('after', 'not a cursor returned by this API');
  return offset;
}

export function validatePage(args: PageArgs): { limit: number; offset: number } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw badInput('first', `must be between 1 and ${maxPageSize}, got ${args.first}`);
  }
  return { limit: args.first, offset: args.after ? decodeCursor(args.after) + 1 : 0 };
}

export interface PaginateOptions {
  /**
   * `distinct` (default) counts distinct rows, right when joins multiply them; `rows` runs a plain
   * `COUNT(*)` beside the page query, much cheaper on large tables queried without such joins.
   */
  count?: 'distinct' | 'rows';
  /** Serves the total from a cache keyed by the count's SQL and parameters. */
  cacheCount?: (key: string, compute: () => Promise<number>) => Promise<number>;
}

/** Runs a filtered, ordered query as one page plus its total count. */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs, options: PaginateOptions = {}): Promise<Connection<T>> {
  const { limit, offset } = validatePage(args);
  let nodes: T[];
  let totalCount: number;
  if (options.count === 'rows') {
    const countQuery = query.clone().orderBy().select('COUNT(*)::int', 'count');
    const count = async () => (await countQuery.getRawOne<{ count: number }>())?.count ?? 0;
    const key = `count:${JSON.stringify(countQuery.getQueryAndParameters())}`;
    [nodes, totalCount] = await Promise.all([
      query.clone().offset(offset).limit(limit).getMany(),
      options.cacheCount ? options.cacheCount(key, count) : count(),
    ]);
  } else {
    [nodes, totalCount] = await query.clone().offset(offset).limit(limit).getManyAndCount();
  }
  const last = offset + nodes.length - 1;
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: last + 1 < totalCount, endCursor: nodes.length ? encodeCursor(last) : null },
  };
}
