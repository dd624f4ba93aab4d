import 'reflect-metadata';
import { Args, ArgsType, Authorized, Ctx, Directive, Field, Int, ObjectType, Query, Resolver, type ClassType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { isRole } from '../auth/principal';
import { parseInstantRange } from '../dates';
import { badInput } from '../errors';
import { encodeCursor, PageArgs, PageInfo, validatePage } from '../pagination';
import type { SubgraphContext } from '../subgraph';

/** Value types shared (identically) by every subgraph: each exposes its own log with them. */
@ObjectType('AuditFieldChange', { description: 'One field a mutation changed; values as JSON text.' })
@Directive('@shareable')
export class AuditFieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true, description: 'JSON of the value before (null: the field had none, or the record was created).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the value after (null: removed). Personal data shows as withheld.' })
  after!: string | null;
}

@ObjectType('AuditEntry', { description: 'One audited write: who, what, when, from where. Entries are never changed or removed.' })
@Directive('@shareable')
export class AuditEntry {
  @Field(() => String, { description: 'The subgraph and its sequence number, e.g. "security:42".' })
  id!: string;

  @Field(() => String, { description: 'Subgraph that recorded it.' })
  subgraph!: string;

  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  at!: string;

  @Field(() => String, { description: 'The mutation, e.g. "updateAlert".' })
  operation!: string;

  @Field(() => String, { description: 'Token subject of the caller.' })
  subject!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { nullable: true, description: "The caller's agency (agency clients)." })
  agencyId!: string | null;

  @Field(() => String, { nullable: true, description: 'Address the gateway saw the request come from.' })
  clientIp!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => String, { description: 'Type of the records written, e.g. "Alert".' })
  targetType!: string;

  @Field(() => [String])
  targetIds!: string[];

  @Field(() => [AuditFieldChange], { description: 'Changed fields with their values before and after.' })
  changes!: AuditFieldChange[];

  @Field(() => String, { nullable: true, description: 'JSON of further facts (e.g. {"deduplicated":true}).' })
  detail!: string | null;
}

@ObjectType('AuditLogConnection', { description: 'A page of audit entries, newest first, with the total matching count.' })
@Directive('@shareable')
export class AuditLogConnection {
  @Field(() => [AuditEntry])
  nodes!: AuditEntry[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this mutation, e.g. "updateAlert".' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this caller (token subject).' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Only callers with this role.' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: "Only callers of this agency (agency clients)." })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes to this type, e.g. "Alert".' })
  targetType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes to this record id.' })
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: 'At or after (ISO 8601).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'At or before (ISO 8601).' })
  to?: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  operation: string;
  subject: string;
  role: string;
  agency_id: string | null;
  client_ip: string | null;
  request_id: string | null;
  target_type: string;
  target_ids: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
  detail: unknown;
  total: number;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** A page of one subgraph's audit log; every filter is a bound parameter. */
export async function queryAuditLog(db: DataSource, subgraph: string, args: AuditLogArgs): Promise<AuditLogConnection> {
  const { limit, offset } = validatePage(args);
  const range = parseInstantRange(args.from, args.to);
  if (args.role != null && !isRole(args.role)) throw badInput('role', `"${args.role}" is not a role`);
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (args.operation != null) where('operation = ?', args.operation);
  if (args.subject != null) where('subject = ?', args.subject);
  if (args.role != null) where('role = ?', args.role);
  if (args.agencyId != null) where('agency_id = ?', args.agencyId);
  if (args.targetType != null) where('target_type = ?', args.targetType);
  if (args.targetId != null) where('target_ids @> ARRAY[?]::text[]', args.targetId);
  if (range.from) where('at >= ?', range.from);
  if (range.before) where('at < ?', range.before);
  params.push(limit, offset);
  const rows: AuditRow[] = await db.query(
    `SELECT *, count(*) OVER ()::int AS total FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  let totalCount = rows[0]?.total ?? 0;
  if (!rows.length && offset > 0) {
    const [count] = await db.query(`SELECT count(*)::int AS n FROM audit_log ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`, params.slice(0, -2));
    totalCount = count.n;
  }
  const nodes = rows.map((row) => ({
    id: `${subgraph}:${row.id}`,
    subgraph,
    at: new Date(row.at).toISOString(),
    operation: row.operation,
    subject: row.subject,
    role: row.role,
    agencyId: row.agency_id,
    clientIp: row.client_ip,
    requestId: row.request_id,
    targetType: row.target_type,
    targetIds: row.target_ids,
    changes: Object.entries(row.changes).map(([field, change]) => ({ field, before: json(change.before), after: json(change.after) })),
    detail: json(row.detail),
  }));
  const last = offset + nodes.length - 1;
  return { nodes, totalCount, pageInfo: { hasNextPage: last + 1 < totalCount, endCursor: nodes.length ? encodeCursor(last) : null } };
}

const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_match, _sep, letter: string) => letter.toUpperCase());

/**
 * The admin's view of one subgraph's audit log as a root field named `<subgraph>AuditLog`
 * (`securityAuditLog`, ...): root fields of different subgraphs must not share a name.
 */
export function auditLogResolver(subgraph: string): ClassType {
  const fieldName = `${subgraph.replace(/[-_](\w)/g, (_match, letter: string) => letter.toUpperCase())}AuditLog`;

  @Resolver()
  class AuditLogResolver {
    @Authorized('admin')
    @Query(() => AuditLogConnection, {
      name: fieldName,
      description: `The ${subgraph} subgraph's audit log, newest first: every mutation and ingested item, who made it, from where, and what it changed. Admins only.`,
    })
    auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: SubgraphContext): Promise<AuditLogConnection> {
      return queryAuditLog(ctx.db, subgraph, args);
    }
  }
  Object.defineProperty(AuditLogResolver, 'name', { value: `${pascal(subgraph)}AuditLogResolver` });
  return AuditLogResolver;
}
