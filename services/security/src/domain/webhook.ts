import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the SOC's outbound webhooks announce. */
export enum WebhookEvent {
  /** A new alert of CRITICAL severity (not a repeat of an open one). */
  ALERT_CRITICAL = 'alert.critical',
  /** An incident not contained by its SLA deadline. */
  INCIDENT_CONTAIN_BREACHED = 'incident.contain_breached',
  /** An incident not closed by its SLA deadline. */
  INCIDENT_RESOLVE_BREACHED = 'incident.resolve_breached',
  /** An unreported incident within a day of its legal 5-day deadline. */
  INCIDENT_REPORT_DUE_SOON = 'incident.report_due_soon',
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

export const signatureHeader = 'x-ioc-signature';
const maxRetryDelayMs = 60 * 60 * 1000;

const digest = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body,
 * so a receiver can refuse a replayed request as well as a forged one.
 */
export function signWebhook(secret: string, body: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body).toString('hex')}`;
}

/** What a receiver does: the signature matches the body and is at most `toleranceSeconds` old. */
export function verifyWebhook(secret: string, header: string | undefined, body: string, toleranceSeconds = 300, now: Date = new Date()): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(digest(secret, timestamp, body), Buffer.from(match[2]!, 'hex'));
}

/** Wait before the next attempt after `attempts` failed ones: base, 2×, 4×, … capped at an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxRetryDelayMs);
}
