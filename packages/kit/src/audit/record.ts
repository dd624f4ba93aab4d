import type { Principal } from '../auth/principal';
import type { Transaction } from '../database';

/** What one mutation (or one ingested item) did, as the resolver knows it. */
export interface AuditRecord {
  /** The GraphQL operation field, e.g. `updateAlert`. */
  operation: string;
  /** The type of the records written, e.g. `Alert`. */
  targetType: string;
  targetIds: ReadonlyArray<string | number>;
  /** The record before the change (null or absent for a creation). */
  before?: object | null;
  /** The record after the change (null or absent for a deletion). */
  after?: object | null;
  /** Only these fields are compared (default: every field of `before` and `after`). */
  fields?: readonly string[];
  /** Personal data: a change is recorded, its values are not (the log must not become a copy of them). */
  personal?: readonly string[];
  /** Further facts worth keeping: `{ deduplicated: true }`, `{ alertsReprioritised: 12 }`. */
  detail?: Record<string, unknown>;
}

export interface AuditChange {
  before: unknown;
  after: unknown;
}

/** Who acts: the request's verified caller. */
export interface AuditActor {
  principal: Principal;
  requestId?: string;
}

export const withheld = '«personal data withheld»';

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/**
 * The fields that differ between `before` and `after` (values as JSON), or, for a creation, every
 * field of `after`. Personal fields keep their key and lose their values.
 */
export function auditChanges(record: Pick<AuditRecord, 'before' | 'after' | 'fields' | 'personal'>): Record<string, AuditChange> {
  const before = (record.before ?? {}) as Record<string, unknown>;
  const after = (record.after ?? {}) as Record<string, unknown>;
  const fields = record.fields ?? [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: Record<string, AuditChange> = {};
  for (const field of fields) {
    const was = record.before ? normalise(before[field]) : null;
    const is = record.after ? normalise(after[field]) : null;
    if (typeof was === 'function' || typeof is === 'function') continue;
    if (record.before && record.after && JSON.stringify(was) === JSON.stringify(is)) continue;
    if (!record.before && is === null) continue;
    changes[field] = record.personal?.includes(field)
      ? { before: was === null ? null : withheld, after: is === null ? null : withheld }
      : { before: was, after: is };
  }
  return changes;
}

/**
 * Appends one entry to the subgraph's `audit_log` inside the mutation's transaction: the entry
 * exists exactly when the change does (a refused or failed mutation leaves neither).
 */
export async function recordAudit(tx: Transaction, actor: AuditActor, record: AuditRecord): Promise<string> {
  const [id] = await recordAudits(tx, actor, [record]);
  return id!;
}

/**
 * One entry per record, in one multi-row insert (a batch mutation's items): the ids in the order given.
 * Like `recordAudit`, inside the write's transaction.
 */
export async function recordAudits(tx: Transaction, actor: AuditActor, records: readonly AuditRecord[]): Promise<string[]> {
  if (records.length === 0) return [];
  const { principal } = actor;
  const rows = await tx.query<Array<{ id: string }>>(
    `INSERT INTO audit_log (operation, subject, role, agency_id, client_ip, request_id, target_type, target_ids, changes, detail)
     SELECT r.operation, $1, $2, $3, $4, $5, r.target_type, ARRAY(SELECT jsonb_array_elements_text(r.target_ids::jsonb)), r.changes::jsonb, r.detail::jsonb
     FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY AS r(operation, target_type, target_ids, changes, detail, n)
     ORDER BY r.n
     RETURNING id`,
    [
      principal.subject,
      principal.role,
      principal.agencyId ?? null,
      principal.clientIp ?? null,
      actor.requestId ?? null,
      records.map((r) => r.operation),
      records.map((r) => r.targetType),
      records.map((r) => JSON.stringify(r.targetIds.map(String))),
      records.map((r) => JSON.stringify(auditChanges(r))),
      records.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
    ],
  );
  return rows.map((row) => String(row.id));
}
