import type { DataSource, EntityManager } from 'typeorm';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { reportWarningHours } from '../domain/sla';
import { retryDelayMs, WebhookEvent } from '../domain/webhook';

/** The settings the outbox needs (from the service's env model). */
export interface WebhookSettings {
  urls: readonly string[];
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

/**
 * Queues alert.critical for each new CRITICAL alert, to every receiver, in the caller's
 * transaction: the notification exists exactly when the alert does.
 */
export async function enqueueCriticalAlerts(manager: EntityManager, alertIds: readonly string[], urls: readonly string[]): Promise<void> {
  if (!alertIds.length || !urls.length) return;
  await manager.query(
    `INSERT INTO webhook_delivery (event, subject_id, url, payload)
     SELECT $3, a.id, u.url, jsonb_build_object('alert', jsonb_build_object(
              'id', a.id, 'title', a.title, 'kind', a.kind, 'severity', a.severity, 'rawSeverity', a.raw_severity, 'source', a.source,
              'cve', a.cve, 'serverId', a.server_id, 'systemId', a.system_id, 'agencyId', a.agency_id, 'priority', a.priority, 'firstSeen', a.first_seen))
       FROM alert a CROSS JOIN unnest($2::text[]) AS u (url)
      WHERE a.id = ANY($1) AND a.severity = 'CRITICAL'
     ON CONFLICT (event, subject_id, url) DO NOTHING`,
    [[...alertIds], [...urls], WebhookEvent.ALERT_CRITICAL],
  );
}

/** Each incident deadline event: which incidents it applies to now (over alias `i`). */
const incidentConditions: Array<[WebhookEvent, string]> = [
  [WebhookEvent.INCIDENT_CONTAIN_BREACHED, `i.status = 'OPEN' AND i.contain_due_at < now()`],
  [WebhookEvent.INCIDENT_RESOLVE_BREACHED, `i.status <> 'CLOSED' AND i.resolve_due_at < now()`],
  [WebhookEvent.INCIDENT_REPORT_DUE_SOON, `i.reported_at IS NULL AND i.status <> 'CLOSED' AND i.report_due_at > now() AND i.report_due_at <= now() + interval '${reportWarningHours} hours'`],
];

/**
 * Queues the incident deadline events that have come due. Time, not a transaction, causes them,
 * so the worker scans; the unique (event, incident, receiver) key makes every rescan harmless,
 * also with several replicas scanning at once. Returns how many were queued.
 */
export async function enqueueIncidentDeadlines(db: DataSource, urls: readonly string[]): Promise<number> {
  if (!urls.length) return 0;
  let queued = 0;
  for (const [event, condition] of incidentConditions) {
    const rows: unknown[] = await db.query(
      `INSERT INTO webhook_delivery (event, subject_id, url, payload)
       SELECT $2, i.id, u.url, jsonb_build_object('incident', jsonb_build_object(
                'id', i.id, 'title', i.title, 'severity', i.severity, 'status', i.status, 'systemId', i.system_id, 'agencyId', i.agency_id,
                'detectedAt', i.detected_at, 'reportDueAt', i.report_due_at, 'containDueAt', i.contain_due_at, 'resolveDueAt', i.resolve_due_at))
         FROM incident i CROSS JOIN unnest($1::text[]) AS u (url)
        WHERE ${condition}
       ON CONFLICT (event, subject_id, url) DO NOTHING
       RETURNING id`,
      [[...urls], event],
    );
    queued += rows.length;
  }
  return queued;
}

/**
 * Takes up to `limit` due deliveries, leasing them (next attempt pushed past the request timeout)
 * so another worker skips them, and a worker killed mid-delivery leaves them to be retried.
 */
export async function claimDueDeliveries(db: DataSource, limit: number, leaseMs: number): Promise<WebhookDelivery[]> {
  const [rows] = await db.query(
    `UPDATE webhook_delivery SET next_attempt_at = now() + $2 * interval '1 millisecond'
      WHERE id IN (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [limit, leaseMs],
  );
  const ids = (rows as Array<{ id: string }>).map((row) => row.id);
  return ids.length ? db.getRepository(WebhookDelivery).createQueryBuilder('d').where('d.id = ANY(:ids)', { ids }).orderBy('d.id').getMany() : [];
}

/** Records one attempt: delivered on a 2xx, else retried with backoff until the last attempt fails it. */
export async function recordAttempt(db: DataSource, delivery: WebhookDelivery, outcome: { status: number | null; error: string | null }, settings: WebhookSettings): Promise<void> {
  const attempts = delivery.attempts + 1;
  if (outcome.error === null) {
    await db.query(`UPDATE webhook_delivery SET status = 'DELIVERED', attempts = $2, last_status = $3, last_error = NULL, delivered_at = now() WHERE id = $1`, [delivery.id, attempts, outcome.status]);
    return;
  }
  const failed = attempts >= settings.maxAttempts;
  await db.query(
    `UPDATE webhook_delivery SET status = $2, attempts = $3, last_status = $4, last_error = $5, next_attempt_at = now() + $6 * interval '1 millisecond' WHERE id = $1`,
    [delivery.id, failed ? 'FAILED' : 'PENDING', attempts, outcome.status, outcome.error.slice(0, 500), failed ? 0 : retryDelayMs(attempts, settings.backoffMs)],
  );
}
