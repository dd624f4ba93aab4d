import type { Logger } from '@ioc/kit';
import type { FeedCatalogue } from '@ioc/seeds/feed-catalogue';
import { createGenerator, eventKinds, type EventKind, type FeedEvent } from './events';

export interface FeedOptions {
  url: string;
  /** Gives a valid bearer token; called again before the previous one expires. */
  token: () => Promise<string>;
  catalogue: FeedCatalogue;
  seed: number;
  /** Events per second. */
  rate: number;
  once: boolean;
  durationMs?: number;
  concurrency: number;
  logger: Logger;
  signal?: AbortSignal;
}

export interface FeedReport {
  sent: Record<EventKind, number>;
  errors: number;
  dropped: number;
  ms: number;
}

/** Errors worth retrying: the gateway or a subgraph away or restarting, or our rate limit. */
const retryable = (status: number) => status === 429 || status >= 500;
const maxAttempts = 6;

/**
 * Sends the generator's events through the gateway at `rate`, `concurrency` at a time (Node's
 * fetch keeps its connections alive). A failing event is retried with exponential backoff; while one is
 * backing off the others wait too (one shared pause), so a recovering service is not flooded.
 * An event that still fails is dropped and logged.
 */
export async function runFeed(options: FeedOptions): Promise<FeedReport> {
  const { logger } = options;
  const generator = createGenerator({ seed: options.seed, catalogue: options.catalogue, start: new Date(), intervalMs: 1000 / options.rate });
  const sent = Object.fromEntries(eventKinds.map((k) => [k, 0])) as Record<EventKind, number>;
  const minute = Object.fromEntries(eventKinds.map((k) => [k, 0])) as Record<EventKind, number>;
  const dossierIds: string[] = [];
  let errors = 0;
  let dropped = 0;
  let pausedUntil = 0;
  let token = await options.token();
  const started = performance.now();
  const progress = setInterval(() => {
    logger.info('feed progress (last minute)', { ...minute, errors, dropped });
    for (const k of eventKinds) minute[k] = 0;
  }, 60_000);
  progress.unref();
  const refresh = setInterval(() => void options.token().then((t) => (token = t), (e) => logger.error('token refresh failed', { error: String(e) })), 60_000);
  refresh.unref();

  const send = async (event: FeedEvent): Promise<void> => {
    if (event.resolves !== undefined) {
      const id = dossierIds[event.resolves - 1];
      if (!id) {
        dropped += 1;
        logger.warn('feed dropped a resolution: its dossier was dropped', { resolves: event.resolves });
        return;
      }
      event = { ...event, variables: { ...event.variables, id } };
    }
    for (let attempt = 1; ; attempt++) {
      const wait = pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      let failure: string;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: event.query, variables: event.variables }),
        });
        const body = (await response.json().catch(() => ({}))) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        if (response.ok && !body.errors?.length) {
          sent[event.kind] += 1;
          minute[event.kind] += 1;
          if (event.kind === 'dossier') dossierIds.push(String(body.data!.receiveDossier.id));
          return;
        }
        failure = `${response.status} ${body.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') ?? ''}`;
        if (!retryable(response.status) && !body.errors?.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' || /fetch|ECONNREFUSED|socket/i.test(e.message))) {
          errors += 1;
          dropped += 1;
          logger.warn('feed dropped an event the graph refused', { kind: event.kind, failure, variables: event.variables });
          return;
        }
      } catch (error) {
        failure = String(error);
      }
      errors += 1;
      if (attempt >= maxAttempts) {
        dropped += 1;
        logger.warn('feed dropped an event after retries', { kind: event.kind, attempts: attempt, failure });
        return;
      }
      const delay = Math.min(30_000, 250 * 2 ** attempt);
      pausedUntil = Math.max(pausedUntil, Date.now() + delay);
      logger.warn('feed retrying', { kind: event.kind, attempt, inMs: delay, failure });
    }
  };

  try {
    if (options.once) {
      for (const kind of eventKinds) await send(generator.one(kind));
    } else {
      const deadline = options.durationMs === undefined ? Infinity : Date.now() + options.durationMs;
      const inFlight = new Set<Promise<void>>();
      const interval = 1000 / options.rate;
      let due = performance.now();
      while (Date.now() < deadline && !options.signal?.aborted) {
        due += interval;
        const ahead = due - performance.now();
        if (ahead > 1) await sleep(Math.min(ahead, deadline - Date.now()), options.signal);
        if (Date.now() >= deadline || options.signal?.aborted) break;
        while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
        const p = send(generator.next()).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await Promise.all(inFlight);
    }
  } finally {
    clearInterval(progress);
    clearInterval(refresh);
  }
  const report = { sent, errors, dropped, ms: Math.round(performance.now() - started) };
  logger.info('feed done', { ...sent, errors, dropped, ms: report.ms });
  return report;
}

/** A pause that Ctrl-C cuts short: at a trickle the next event may be many seconds away. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
