import { badInput, publishAll, recordAudit, type SubgraphContext, type Transaction } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { Incident } from '../entities/incident.entity';
import { incidentFacts, IncidentStatus } from '../domain/incident';
import { maxSeverity, type AlertSeverity } from '../domain/severity';
import { reportDueAt, slaDeadlines } from '../domain/sla';
import { securityEnv } from '../env';
import { auditedAlertFields, lockAlerts } from './triage.store';

export const auditedIncidentFields = [
  'title', 'severity', 'status', 'systemId', 'agencyId', 'detectedAt', 'reportDueAt', 'reportedAt', 'containedAt', 'closedAt', 'containDueAt', 'resolveDueAt',
] as const;

const factsOf = (alerts: readonly Alert[]) =>
  incidentFacts(alerts.map((alert) => ({ severity: alert.severity, firstSeen: new Date(alert.firstSeen), systemId: alert.systemId, agencyId: alert.agencyId })));

/** The incident, locked, or BAD_USER_INPUT naming `argument`. */
export async function lockIncident(tx: Transaction, id: string, argument = 'id'): Promise<Incident> {
  const incident = await tx.manager.getRepository(Incident).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!incident) throw badInput(argument, `no incident with id "${id}"`);
  return incident;
}

/** Alerts may belong to one incident: the ones already in another are an error naming them. */
function refuseGrouped(alerts: readonly Alert[], argument: string, except?: string): void {
  const taken = alerts.filter((alert) => alert.incidentId && alert.incidentId !== except);
  if (taken.length) throw badInput(argument, taken.map((alert) => `${alert.id} is already in incident ${alert.incidentId}`).join('; '));
}

/** Points the alerts at `incidentId` (or none), audits each and announces them. */
async function regroup(tx: Transaction, ctx: SubgraphContext, alerts: readonly Alert[], incidentId: string | null, operation: string): Promise<void> {
  const ids = alerts.map((alert) => alert.id);
  await tx.query('UPDATE alert SET incident_id = $2, updated_at = now() WHERE id = ANY($1)', [ids, incidentId]);
  for (const alert of alerts) {
    await recordAudit(tx, ctx, { operation, targetType: 'Alert', targetIds: [alert.id], before: alert, after: { ...alert, incidentId }, fields: auditedAlertFields });
  }
  await publishAll(ctx.bus, 'alert.updated', ids.map((id) => ({ id })), tx);
}

/** Reads the incident back and announces it (incident.changed) with the transaction. */
export async function announceIncident(tx: Transaction, ctx: SubgraphContext, id: string): Promise<Incident> {
  await ctx.bus.publish('incident.changed', { id }, tx);
  return tx.manager.getRepository(Incident).findOneByOrFail({ id });
}

/**
 * Opens an incident grouping `alertIds` (all or nothing): severity the worst of theirs unless
 * given, detection the earliest first sighting, the legal 5-day clock and the SLA deadlines of
 * the severity under the configured policy.
 */
export async function openIncident(
  tx: Transaction,
  ctx: SubgraphContext,
  input: { title: string; alertIds: readonly string[]; severity?: AlertSeverity | null },
): Promise<Incident> {
  const alerts = await lockAlerts(tx, input.alertIds, 'input.alertIds');
  refuseGrouped(alerts, 'input.alertIds');
  const facts = factsOf(alerts);
  const severity = input.severity ?? facts.severity;
  const { containDueAt, resolveDueAt } = slaDeadlines(severity, facts.detectedAt, securityEnv().INCIDENT_SLA_HOURS);
  const [row] = await tx.query<Array<{ id: string }>>(
    `INSERT INTO incident (id, title, severity, status, system_id, agency_id, detected_at, report_due_at, contain_due_at, resolve_due_at, created_by, synthetic)
     VALUES ('INC-' || to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(nextval('incident_number_seq')::text, 4, '0'),
             $1, $2, 'OPEN', $3, $4, $5, $6, $7, $8, $9, false)
     RETURNING id`,
    [input.title, severity, facts.systemId, facts.agencyId, facts.detectedAt, reportDueAt(facts.detectedAt), containDueAt, resolveDueAt, ctx.principal.subject],
  );
  const id = row!.id;
  await regroup(tx, ctx, alerts, id, 'createIncident');
  const incident = await announceIncident(tx, ctx, id);
  await recordAudit(tx, ctx, { operation: 'createIncident', targetType: 'Incident', targetIds: [id], after: incident, fields: auditedIncidentFields, detail: { alerts: alerts.map((alert) => alert.id) } });
  return incident;
}

/**
 * Adds alerts to an open or contained incident. An earlier alert moves detection (and every
 * deadline) earlier; a worse one raises the severity (and its SLA deadlines may only come sooner).
 */
export async function addToIncident(tx: Transaction, ctx: SubgraphContext, id: string, alertIds: readonly string[]): Promise<Incident> {
  const incident = await lockIncident(tx, id);
  if (incident.status === IncidentStatus.CLOSED) throw badInput('id', `incident ${id} is closed`);
  const alerts = await lockAlerts(tx, alertIds, 'alertIds');
  refuseGrouped(alerts, 'alertIds', id);
  const added = alerts.filter((alert) => alert.incidentId !== id);
  if (!added.length) return incident;
  const facts = factsOf(added);
  const detectedAt = new Date(Math.min(new Date(incident.detectedAt).getTime(), facts.detectedAt.getTime()));
  const severity = maxSeverity(incident.severity, facts.severity);
  const sla = slaDeadlines(severity, detectedAt, securityEnv().INCIDENT_SLA_HOURS);
  await tx.query(
    `UPDATE incident SET detected_at = $2, severity = $3, report_due_at = $4,
            -- LEAST skips NULLs: an incident from before the SLA policy keeps having none.
            contain_due_at = CASE WHEN contain_due_at IS NULL THEN NULL ELSE LEAST(contain_due_at, $5) END,
            resolve_due_at = CASE WHEN resolve_due_at IS NULL THEN NULL ELSE LEAST(resolve_due_at, $6) END,
            system_id = CASE WHEN system_id IS DISTINCT FROM $7 THEN NULL ELSE system_id END,
            agency_id = CASE WHEN agency_id IS DISTINCT FROM $8 THEN NULL ELSE agency_id END
      WHERE id = $1`,
    [id, detectedAt, severity, reportDueAt(detectedAt), sla.containDueAt, sla.resolveDueAt, facts.systemId, facts.agencyId],
  );
  await regroup(tx, ctx, added, id, 'addAlertsToIncident');
  const after = await announceIncident(tx, ctx, id);
  await recordAudit(tx, ctx, { operation: 'addAlertsToIncident', targetType: 'Incident', targetIds: [id], before: incident, after, fields: auditedIncidentFields, detail: { alerts: added.map((alert) => alert.id) } });
  return after;
}

/** Takes alerts out of an incident; its last alert stays (close the incident instead). Deadlines stay as they were. */
export async function removeFromIncident(tx: Transaction, ctx: SubgraphContext, id: string, alertIds: readonly string[]): Promise<Incident> {
  const incident = await lockIncident(tx, id);
  if (incident.status === IncidentStatus.CLOSED) throw badInput('id', `incident ${id} is closed`);
  const alerts = await lockAlerts(tx, alertIds, 'alertIds');
  const strangers = alerts.filter((alert) => alert.incidentId !== id);
  if (strangers.length) throw badInput('alertIds', `${strangers.map((alert) => alert.id).join(', ')} not in incident ${id}`);
  const [remaining] = await tx.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM alert WHERE incident_id = $1 AND NOT (id = ANY($2))', [id, alerts.map((alert) => alert.id)]);
  if (!remaining?.n) throw badInput('alertIds', `that would leave incident ${id} without alerts: close it instead`);
  await regroup(tx, ctx, alerts, null, 'removeAlertsFromIncident');
  const after = await announceIncident(tx, ctx, id);
  await recordAudit(tx, ctx, { operation: 'removeAlertsFromIncident', targetType: 'Incident', targetIds: [id], before: incident, after, fields: auditedIncidentFields, detail: { alerts: alerts.map((alert) => alert.id) } });
  return after;
}
