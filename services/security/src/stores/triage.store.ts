import { badInput, publishAll, recordAudit, type SubgraphContext, type Transaction } from '@ioc/kit';
import { In } from 'typeorm';
import { Alert } from '../entities/alert.entity';
import { AlertStatus, isOpen, isReopen, transitionProblem } from '../domain/workflow';
import { openStatusesSql } from '../sql/alert.sql';

/** Alert fields an audit entry compares. */
export const auditedAlertFields = [
  'kind', 'title', 'description', 'cve', 'cvssScore', 'severity', 'rawSeverity', 'source', 'fingerprint', 'occurrences',
  'firstSeen', 'lastSeen', 'status', 'assignee', 'priority', 'serverId', 'systemId', 'agencyId', 'acknowledgedAt', 'closedAt', 'incidentId',
] as const;

/** The most alerts one bulk action may touch (one transaction holds all their locks). */
export const maxBulkAlerts = 500;
export const maxNoteLength = 2000;

/** What a triage step changes; absent fields stay as they are. */
export interface TriageChange {
  status?: AlertStatus | null;
  /** An empty string unassigns. */
  assignee?: string | null;
  note?: string | null;
}

/** How the caller's arguments are named, so errors point at them (updateAlert: id; updateAlerts: ids). */
export interface TriageArguments {
  ids: string;
}

/** Checks the ids of a bulk request: 1 to maxBulkAlerts, duplicates folded. */
export function bulkIds(ids: readonly string[], argument: string): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()))];
  if (!unique.length || unique.some((id) => !id)) throw badInput(argument, 'give at least one alert id, none empty');
  if (unique.length > maxBulkAlerts) throw badInput(argument, `at most ${maxBulkAlerts} alerts at once, got ${unique.length}`);
  return unique;
}

/** Locks the alerts in id order (two bulk actions on overlapping sets never deadlock); unknown ids are an error naming them all. */
export async function lockAlerts(tx: Transaction, ids: readonly string[], argument: string): Promise<Alert[]> {
  const alerts = await tx.manager.getRepository(Alert).find({ where: { id: In([...ids]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  const found = new Set(alerts.map((alert) => alert.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw badInput(argument, `no alert with id ${missing.map((id) => `"${id}"`).join(', ')}`);
  return alerts;
}

/**
 * Reopened alerts must not collide with an open alert of the same fingerprint (at most one is
 * open per fingerprint): the problems, one per alert that would.
 */
async function reopenConflicts(tx: Transaction, reopened: readonly Alert[]): Promise<string[]> {
  if (!reopened.length) return [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const alert of reopened) {
    const other = seen.get(alert.fingerprint);
    if (other) problems.push(`${alert.id} and ${other} share a fingerprint: reopen one of them`);
    else seen.set(alert.fingerprint, alert.id);
  }
  const open: Array<{ id: string; fingerprint: string }> = await tx.query(
    `SELECT id, fingerprint FROM alert WHERE fingerprint = ANY($1) AND status IN ${openStatusesSql}`,
    [[...seen.keys()]],
  );
  for (const row of open) problems.push(`${seen.get(row.fingerprint)} cannot be reopened: ${row.id} with the same fingerprint is open, work on that one`);
  return problems;
}

/**
 * Applies one triage step to every alert, all or nothing: every alert is checked first and all
 * problems are reported in one error; then one UPDATE, one recorded transition per alert that
 * changed, one audit entry per alert and alert.updated for each. Returns the alerts in `ids` order.
 */
export async function triageAlerts(
  tx: Transaction,
  ctx: SubgraphContext,
  ids: readonly string[],
  change: TriageChange,
  operation: string,
  names: TriageArguments,
): Promise<Alert[]> {
  const status = change.status ?? null;
  const assignee = change.assignee === null || change.assignee === undefined ? undefined : change.assignee.trim() || null;
  const note = change.note?.trim() || null;
  if (status === null && assignee === undefined) throw badInput('status', 'give a status, an assignee or both');
  if (assignee && assignee.length > 200) throw badInput('assignee', 'must be at most 200 characters');
  if (note && note.length > maxNoteLength) throw badInput('note', `must be at most ${maxNoteLength} characters`);

  const alerts = await lockAlerts(tx, ids, names.ids);
  if (status) {
    const problems = alerts.flatMap((alert) => transitionProblem(alert.id, alert.status, status, note) ?? []);
    if (problems.length) throw badInput(problems[0]!.argument, problems.map((problem) => problem.message).join('; '));
    const conflicts = await reopenConflicts(tx, alerts.filter((alert) => isReopen(alert.status, status)));
    if (conflicts.length) throw badInput('status', conflicts.join('; '));
  }

  const changed = alerts.filter((alert) => (status !== null && alert.status !== status) || (assignee !== undefined && alert.assignee !== assignee));
  if (changed.length) {
    const changedIds = changed.map((alert) => alert.id);
    const sets = ['updated_at = now()'];
    const params: unknown[] = [changedIds];
    if (status) {
      params.push(status);
      const to = `$${params.length}`;
      // Any move out of NEW means someone has looked at it; closing stamps closed_at, reopening clears it.
      sets.push(`acknowledged_at = CASE WHEN status <> ${to} THEN COALESCE(acknowledged_at, now()) ELSE acknowledged_at END`);
      sets.push(isOpen(status) ? 'closed_at = NULL' : `closed_at = CASE WHEN status <> ${to} THEN now() ELSE closed_at END`);
      sets.push(`status = ${to}`);
    }
    if (assignee !== undefined) {
      params.push(assignee);
      sets.push(`assignee = $${params.length}`);
    }
    await tx.query(`UPDATE alert SET ${sets.join(', ')} WHERE id = ANY($1)`, params);
    await tx.query(
      `INSERT INTO alert_transition (alert_id, from_status, to_status, assignee, actor, note)
       SELECT a.id, t.from_status, a.status, a.assignee, $3, $4 FROM unnest($1::text[], $2::text[]) AS t (id, from_status) JOIN alert a ON a.id = t.id`,
      [changedIds, changed.map((alert) => alert.status), ctx.principal.subject, note],
    );
  }

  const after = await tx.manager.getRepository(Alert).findBy({ id: In([...ids]) });
  const byId = new Map(after.map((alert) => [alert.id, alert]));
  for (const before of changed) {
    await recordAudit(tx, ctx, { operation, targetType: 'Alert', targetIds: [before.id], before, after: byId.get(before.id), fields: auditedAlertFields, detail: note ? { note } : undefined });
  }
  await publishAll(ctx.bus, 'alert.updated', changed.map((alert) => ({ id: alert.id })), tx);
  return ids.map((id) => byId.get(id)!);
}
