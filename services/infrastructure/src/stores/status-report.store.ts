import { type ArgumentName, type AuditRecord, badInput, batchArgument, checkBatchSize, publishAll, publishIndicatorChanges, recordAudits, singleArgument, type SubgraphContext, type Transaction, withTransaction } from '@ioc/kit';
import { BtsStation } from '../entities/bts-station.entity';
import { Server } from '../entities/server.entity';
import { BtsStatus } from '../enums/bts-station.enum';
import { type ServerHealth, ServerStatus } from '../enums/server.enum';
import { btsIndicatorCodes, serverHealthIndicatorCodes } from '../indicators/indicator-events';

/**
 * Status reports from monitoring, one or many in one transaction: `setBtsStatus` and
 * `setServerHealth` are batches of one of `setBtsStatuses` and `setServersHealth`. The rows are
 * locked in one query (in id order, so concurrent batches lock in one order), the reports applied
 * in the order given (a station may go DOWN and come back UP in one batch: two changes), then one
 * multi-row insert of the changes, one update of the rows, one audit entry per report and one event
 * per change, on commit. A report that changes nothing is still audited (`unchanged`), as before.
 * A bad item refuses the whole batch, naming it.
 *
 * Events carry the new status or health beside the id, so DOWN then UP in one batch is two
 * events. PostgreSQL's NOTIFY still folds identical payloads of one transaction into one: DOWN, UP,
 * DOWN gives two `{id, DOWN}` of which one arrives. Nothing counts these events: BTS subscribers
 * read every change recorded since their last one, and a server subscriber reads the server as the
 * transaction left it.
 */

/** Reports one batch call takes. */
export const maxStatusBatch = 200;

type ApplyReports<R, E> = (ctx: SubgraphContext, reports: readonly R[], name: ArgumentName, operation: string) => Promise<E[]>;

/** A single-report mutation is a batch of one whose errors name its own arguments (`id`, not `items[0].id`). */
export async function applyOneReport<R, E>(apply: ApplyReports<R, E>, ctx: SubgraphContext, report: R, operation: string): Promise<E> {
  const [answer] = await apply(ctx, [report], singleArgument, operation);
  return answer!;
}

/** A batch mutation's `items`: at most `maxStatusBatch`, errors naming the item. */
export function applyReportBatch<R, E>(apply: ApplyReports<R, E>, ctx: SubgraphContext, items: readonly R[], operation: string): Promise<E[]> {
  checkBatchSize(items, 'items', maxStatusBatch);
  return apply(ctx, items, batchArgument('items'), operation);
}

export interface BtsStatusReport {
  id: string;
  status: BtsStatus;
  reason?: string | null;
}

/** Applies the reports in order; answers each report's station as it stood after it. */
export async function setBtsStatuses(ctx: SubgraphContext, reports: readonly BtsStatusReport[], name: ArgumentName, operation: string): Promise<BtsStation[]> {
  reports.forEach((report, i) => {
    if (typeof report.reason === 'string' && report.reason.length > 500) throw badInput(name(i, 'reason'), 'at most 500 characters');
  });
  return applyReports<BtsStation, BtsStatusReport, 'status'>(ctx, reports, name, operation, {
    entity: BtsStation,
    targetType: 'BtsStation',
    noun: 'BTS station',
    field: 'status',
    changedAtField: 'statusChangedAt',
    table: 'bts_station',
    column: 'status',
    changedAtColumn: 'status_changed_at',
    event: 'bts.status-changed',
    indicatorCodes: btsIndicatorCodes,
    detail: (report) => (report.reason ? { reason: report.reason } : undefined),
    // Every change is kept in the station's history, a station that goes down and back up in one batch twice.
    recordChanges: async (tx, changes, changedAt) => {
      await tx.query('INSERT INTO bts_status_change (station_id, from_status, to_status, reason, changed_at) SELECT u.*, $5::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u', [
        changes.map((c) => c.before.id),
        changes.map((c) => c.before.status),
        changes.map((c) => c.report.status),
        changes.map((c) => c.report.reason ?? null),
        changedAt,
      ]);
    },
  });
}

export interface ServerHealthReport {
  id: string;
  health: ServerHealth;
}

/** Applies the reports in order; answers each report's server as it stood after it. */
export async function setServersHealth(ctx: SubgraphContext, reports: readonly ServerHealthReport[], name: ArgumentName, operation: string): Promise<Server[]> {
  return applyReports<Server, ServerHealthReport, 'health'>(ctx, reports, name, operation, {
    entity: Server,
    targetType: 'Server',
    noun: 'server',
    field: 'health',
    changedAtField: 'healthChangedAt',
    table: 'server',
    column: 'health',
    changedAtColumn: 'health_changed_at',
    event: 'server.health-changed',
    indicatorCodes: serverHealthIndicatorCodes,
    refuse: (server) => (server.status === ServerStatus.RETIRED ? `server "${server.id}" is retired` : undefined),
  });
}

/** A report that changed its row: the row as it stood before it, and the report. */
interface Change<E, R> {
  before: E;
  report: R;
}

/** What one kind of report sets; `field` is the property's name on both the report and the entity. */
interface ReportKind<E extends { id: string }, R extends { id: string }, F extends keyof E & keyof R & string> {
  entity: new () => E;
  targetType: string;
  /** Names the entity in the error for an unknown id. */
  noun: string;
  field: F;
  changedAtField: keyof E & string;
  table: string;
  column: string;
  changedAtColumn: string;
  /** Published once per change, carrying the id and the new value (see the note at the top). */
  event: string;
  indicatorCodes(row: E, from: E[F], to: R[F]): Iterable<string>;
  /** Why a report on this row is refused, if it is. */
  refuse?(row: E, report: R): string | undefined;
  detail?(report: R): Record<string, unknown> | undefined;
  /** Writes that go with the changes, before the rows are updated. */
  recordChanges?(tx: Transaction, changes: ReadonlyArray<Change<E, R>>, changedAt: Date): Promise<void>;
}

async function applyReports<E extends { id: string }, R extends { id: string }, F extends keyof E & keyof R & string>(
  ctx: SubgraphContext,
  reports: readonly R[],
  name: ArgumentName,
  operation: string,
  kind: ReportKind<E, R, F>,
): Promise<E[]> {
  const { field, changedAtField } = kind;
  return withTransaction(ctx.db, async (tx) => {
    const ids = [...new Set(reports.map((r) => r.id))].sort();
    const locked = await tx.manager.getRepository(kind.entity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id IN (:...ids)', { ids }).orderBy('s.id').getMany();
    const current = new Map(locked.map((row) => [row.id, row]));
    const changedAt = new Date();
    const changes: Array<Change<E, R>> = [];
    const audits: AuditRecord[] = [];
    const codes = new Set<string>();
    const answers = reports.map((report, i) => {
      const row = current.get(report.id);
      if (!row) throw badInput(name(i, 'id'), `no ${kind.noun} with id "${report.id}"`);
      const refusal = kind.refuse?.(row, report);
      if (refusal) throw badInput(name(i, 'id'), refusal);
      if ((row[field] as unknown) === (report[field] as unknown)) {
        // A report that changes nothing is still a report: recorded, with no changes.
        audits.push({ operation, targetType: kind.targetType, targetIds: [row.id], before: row, after: row, fields: [field], detail: { unchanged: true } });
        return row;
      }
      const after = Object.assign(new kind.entity(), row, { [field]: report[field], [changedAtField]: changedAt });
      changes.push({ before: row, report });
      audits.push({ operation, targetType: kind.targetType, targetIds: [row.id], before: row, after, fields: [field, changedAtField], detail: kind.detail?.(report) });
      for (const code of kind.indicatorCodes(row, row[field], report[field])) codes.add(code);
      current.set(row.id, after);
      return after;
    });
    if (changes.length) {
      await kind.recordChanges?.(tx, changes, changedAt);
      const moved = [...new Set(changes.map((c) => c.before.id))];
      await tx.query(`UPDATE ${kind.table} s SET ${kind.column} = u.${kind.column}, ${kind.changedAtColumn} = $3 FROM unnest($1::text[], $2::text[]) AS u(id, ${kind.column}) WHERE s.id = u.id`, [
        moved,
        moved.map((id) => current.get(id)![field]),
        changedAt,
      ]);
      await publishAll(ctx.bus, kind.event, changes.map((c) => ({ id: c.before.id, [field]: c.report[field] })), tx);
    }
    await recordAudits(tx, ctx, audits);
    await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'infrastructure', domain: 'INFRASTRUCTURE' }, [...codes]);
    return answers;
  });
}
