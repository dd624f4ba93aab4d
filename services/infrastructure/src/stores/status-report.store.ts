import { type ArgumentName, type AuditRecord, badInput, publishAll, publishIndicatorChanges, recordAudits, type SubgraphContext, withTransaction } from '@ioc/kit';
import { BtsStation } from '../entities/bts-station.entity';
import { Server } from '../entities/server.entity';
import { BtsStatus } from '../enums/bts-station.enum';
import { ServerHealth, ServerStatus } from '../enums/server.enum';
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
 * Events carry the new status or health beside the id: PostgreSQL's NOTIFY folds identical
 * payloads of one transaction into one, and a station that goes DOWN and comes back UP in one
 * batch is two changes. (BTS subscribers read every change recorded since their last one; a server
 * subscriber reads the server as the transaction left it.)
 */

/** Reports one batch call takes. */
export const maxStatusBatch = 200;

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
  return withTransaction(ctx.db, async (tx) => {
    const ids = [...new Set(reports.map((r) => r.id))].sort();
    const locked = await tx.manager.getRepository(BtsStation).createQueryBuilder('s').setLock('pessimistic_write').where('s.id IN (:...ids)', { ids }).orderBy('s.id').getMany();
    const current = new Map(locked.map((s) => [s.id, s]));
    const changedAt = new Date();
    const changes: Array<{ stationId: string; fromStatus: BtsStatus; toStatus: BtsStatus; reason: string | null }> = [];
    const audits: AuditRecord[] = [];
    const codes = new Set<string>();
    const answers = reports.map((report, i) => {
      const station = current.get(report.id);
      if (!station) throw badInput(name(i, 'id'), `no BTS station with id "${report.id}"`);
      if (station.status === report.status) {
        // A report that changes nothing is still a report: recorded, with no changes.
        audits.push({ operation, targetType: 'BtsStation', targetIds: [station.id], before: station, after: station, fields: ['status'], detail: { unchanged: true } });
        return station;
      }
      const after = Object.assign(new BtsStation(), station, { status: report.status, statusChangedAt: changedAt });
      changes.push({ stationId: station.id, fromStatus: station.status, toStatus: report.status, reason: report.reason ?? null });
      audits.push({ operation, targetType: 'BtsStation', targetIds: [station.id], before: station, after, fields: ['status', 'statusChangedAt'], detail: report.reason ? { reason: report.reason } : undefined });
      for (const code of btsIndicatorCodes(station, station.status, report.status)) codes.add(code);
      current.set(station.id, after);
      return after;
    });
    if (changes.length) {
      await tx.query('INSERT INTO bts_status_change (station_id, from_status, to_status, reason, changed_at) SELECT u.*, $5::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u', [
        changes.map((c) => c.stationId),
        changes.map((c) => c.fromStatus),
        changes.map((c) => c.toStatus),
        changes.map((c) => c.reason),
        changedAt,
      ]);
      const moved = [...new Set(changes.map((c) => c.stationId))];
      await tx.query('UPDATE bts_station s SET status = u.status, status_changed_at = $3 FROM unnest($1::text[], $2::text[]) AS u(id, status) WHERE s.id = u.id', [
        moved,
        moved.map((id) => current.get(id)!.status),
        changedAt,
      ]);
      await publishAll(ctx.bus, 'bts.status-changed', changes.map((c) => ({ id: c.stationId, status: c.toStatus })), tx);
    }
    await recordAudits(tx, ctx, audits);
    await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'infrastructure', domain: 'INFRASTRUCTURE' }, [...codes]);
    return answers;
  });
}

export interface ServerHealthReport {
  id: string;
  health: ServerHealth;
}

/** Applies the reports in order; answers each report's server as it stood after it. */
export async function setServersHealth(ctx: SubgraphContext, reports: readonly ServerHealthReport[], name: ArgumentName, operation: string): Promise<Server[]> {
  return withTransaction(ctx.db, async (tx) => {
    const ids = [...new Set(reports.map((r) => r.id))].sort();
    const locked = await tx.manager.getRepository(Server).createQueryBuilder('s').setLock('pessimistic_write').where('s.id IN (:...ids)', { ids }).orderBy('s.id').getMany();
    const current = new Map(locked.map((s) => [s.id, s]));
    const healthChangedAt = new Date();
    const changed: Array<{ id: string; health: ServerHealth }> = [];
    const audits: AuditRecord[] = [];
    const codes = new Set<string>();
    const answers = reports.map((report, i) => {
      const server = current.get(report.id);
      if (!server) throw badInput(name(i, 'id'), `no server with id "${report.id}"`);
      if (server.status === ServerStatus.RETIRED) throw badInput(name(i, 'id'), `server "${report.id}" is retired`);
      if (server.health === report.health) {
        audits.push({ operation, targetType: 'Server', targetIds: [server.id], before: server, after: server, fields: ['health'], detail: { unchanged: true } });
        return server;
      }
      const after = Object.assign(new Server(), server, { health: report.health, healthChangedAt });
      changed.push({ id: server.id, health: report.health });
      audits.push({ operation, targetType: 'Server', targetIds: [server.id], before: server, after, fields: ['health', 'healthChangedAt'] });
      for (const code of serverHealthIndicatorCodes(server, server.health, report.health)) codes.add(code);
      current.set(server.id, after);
      return after;
    });
    if (changed.length) {
      const moved = [...new Set(changed.map((c) => c.id))];
      await tx.query('UPDATE server s SET health = u.health, health_changed_at = $3 FROM unnest($1::text[], $2::text[]) AS u(id, health) WHERE s.id = u.id', [
        moved,
        moved.map((id) => current.get(id)!.health),
        healthChangedAt,
      ]);
      await publishAll(ctx.bus, 'server.health-changed', changed.map((c) => ({ id: c.id, health: c.health })), tx);
    }
    await recordAudits(tx, ctx, audits);
    await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'infrastructure', domain: 'INFRASTRUCTURE' }, [...codes]);
    return answers;
  });
}
