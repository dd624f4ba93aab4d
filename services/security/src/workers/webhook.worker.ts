import type { Logger, SubgraphBackground, SubgraphBackgroundServices } from '@ioc/kit';
import type { DataSource } from 'typeorm';
import type { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { signatureHeader, signWebhook } from '../domain/webhook';
import { securityEnv } from '../env';
import { claimDueDeliveries, enqueueIncidentDeadlines, recordAttempt, type WebhookSettings } from '../stores/webhook.store';

export interface WebhookWorkerOptions extends WebhookSettings {
  secret: string;
  pollMs: number;
}

/** Deliveries sent at once per tick: a slow receiver holds up at most this many. */
const batchSize = 20;

/** The request a receiver gets: JSON, signed over the timestamp and the exact body. */
function requestFor(delivery: WebhookDelivery, secret: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: delivery.id, event: delivery.event, createdAt: delivery.createdAt, data: delivery.payload });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'ioc-security-webhooks',
      'x-ioc-event': delivery.event,
      'x-ioc-delivery': delivery.id,
      [signatureHeader]: signWebhook(secret, body),
    },
  };
}

async function attempt(delivery: WebhookDelivery, options: WebhookWorkerOptions, abort: AbortSignal): Promise<{ status: number | null; error: string | null }> {
  const { body, headers } = requestFor(delivery, options.secret);
  try {
    const response = await fetch(delivery.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.any([abort, AbortSignal.timeout(options.timeoutMs)]) });
    await response.body?.cancel();
    return response.ok ? { status: response.status, error: null } : { status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: null, error: cause ?? (error as Error).message };
  }
}

/** One pass: queue the incident deadlines that came due, then send what is due. Returns how many were sent. */
export async function deliverDueWebhooks(db: DataSource, options: WebhookWorkerOptions, logger: Logger, abort: AbortSignal = new AbortController().signal): Promise<number> {
  await enqueueIncidentDeadlines(db, options.urls);
  const due = await claimDueDeliveries(db, batchSize, options.timeoutMs * 2);
  await Promise.all(
    due.map(async (delivery) => {
      const outcome = await attempt(delivery, options, abort);
      if (abort.aborted) return; // the lease runs out and the next worker retries it
      await recordAttempt(db, delivery, outcome, options);
      if (outcome.error) logger.warn('webhook delivery failed', { id: delivery.id, event: delivery.event, url: delivery.url, attempt: delivery.attempts + 1, error: outcome.error });
    }),
  );
  return due.length;
}

/**
 * The outbox's worker in the subgraph process: polls every `pollMs` (at once again while a full
 * batch was due), stops between passes or aborts the requests in flight.
 */
export function startWebhookWorker({ db, logger }: SubgraphBackgroundServices, options: WebhookWorkerOptions): SubgraphBackground {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverDueWebhooks(db, options, logger, abort.signal)
      .catch((error: unknown) => {
        if (!abort.signal.aborted) logger.error('webhook worker pass failed', { error: (error as Error).message });
        return 0;
      })
      .then((sent) => {
        if (!abort.signal.aborted) timer = setTimeout(tick, sent >= batchSize ? 0 : options.pollMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}

/** The subgraph's background work: the worker when receivers are configured, else nothing. */
export function webhookBackground(services: SubgraphBackgroundServices): SubgraphBackground {
  const env = securityEnv();
  if (!env.WEBHOOK_URLS.length || !env.WEBHOOK_SECRET) return { stop: async () => undefined };
  return startWebhookWorker(services, {
    urls: env.WEBHOOK_URLS,
    secret: env.WEBHOOK_SECRET,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    backoffMs: env.WEBHOOK_BACKOFF_MS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    pollMs: env.WEBHOOK_POLL_MS,
  });
}
