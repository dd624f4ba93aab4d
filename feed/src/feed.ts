import type { Logger } from '@ioc/kit';
import type { FeedCatalogue } from '@ioc/seeds/feed-catalogue';
import { batchOperation, ingestBody, ingestOutcomes, maxEventsPerRequest, maxLinesPerIngest, outcomes, postOperations, takeRequest, type GraphQLCaller, type IngestAnswer, type Outcome } from './batch';
import { createGenerator, eventKinds, type EventKind, type FeedEvent } from './events';
import { retireLeftovers, retireServers } from './servers';
import type { SocRecord } from './soc';

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
  /** Dossiers outside working hours too (load tests). */
  anyHour?: boolean;
  /** HTTP requests in flight at once. */
  concurrency: number;
  /** Events one GraphQL request may carry (default and at most 800: one operation per subgraph, one batch mutation per kind). */
  maxBatch?: number;
  /**
   * How long the first queued event waits for others to share its request (default 250 ms), unless
   * a request's worth is queued: fewer, fuller requests, well under the gateway's per-caller rate of
   * operations at a demo's pace.
   */
  lingerMs?: number;
  /** Tries per event before it is dropped (default 6). */
  maxAttempts?: number;
  /** How often progress is logged (default a minute). */
  progressMs?: number;
  /** At start, retire the synthetic servers earlier runs left in service (default true). */
  retireLeftovers?: boolean;
  /** How long the start-up clean-up may take (default 30 s). */
  leftoversTimeoutMs?: number;
  /** How long Ctrl-C may spend retiring the servers this run added (default 5 s). */
  stopTimeoutMs?: number;
  logger: Logger;
  signal?: AbortSignal;
}

/** The feed's synthetic servers outside its events: earlier runs' leftovers retired at start, its own retired when stopped. */
export interface FeedServersReport {
  /** Servers earlier runs left in service, found at start. */
  leftovers: number;
  /** Of them, retired (or found retired). */
  leftoversRetired: number;
  /** Servers this run added and retired after its events stopped (Ctrl-C, or retirements that were dropped). */
  retiredOnStop: number;
  /** Servers it added or found that are still in service, with why. */
  notRetired: Array<{ id: string; why: string }>;
}

export interface FeedReport {
  sent: Record<EventKind, number>;
  /** Failed attempts, retried or not. */
  errors: number;
  dropped: number;
  droppedKinds: Record<EventKind, number>;
  /** HTTP requests made. */
  requests: number;
  /** GraphQL operations sent (what the gateway's per-caller rate counts; the ingest endpoints are not counted). */
  operations: number;
  servers: FeedServersReport;
  ms: number;
}

const maxBackoffMs = 30_000;
/** Events of the one request that probes a graph which could not take events. */
const probeEvents = 20;
const counts = () => Object.fromEntries(eventKinds.map((k) => [k, 0])) as Record<EventKind, number>;

interface Pending {
  event: FeedEvent;
  attempts: number;
  queuedAt: number;
}

/** The key of what an event creates, and of what it needs the id of. */
const createsKey = (event: FeedEvent) => (event.dossier !== undefined ? `dossier:${event.dossier}` : event.server !== undefined ? `server:${event.server}` : undefined);
const needsKey = (event: FeedEvent) => (event.resolves !== undefined ? `dossier:${event.resolves}` : event.retires !== undefined ? `server:${event.retires}` : undefined);

/** Where an event goes: a GraphQL request, or one of the SOC ingest endpoints. */
type Channel = 'graphql' | SocRecord['source'];
const channelOf = (event: FeedEvent): Channel => (event.kind === 'alert' ? (event.variables as SocRecord).source : 'graphql');

/**
 * Sends the generator's events through the gateway at `rate`: SOC alerts as the tools' NDJSON
 * records to `POST /ingest/wazuh` and `/ingest/suricata` (up to 1,000 lines a request), everything
 * else as GraphQL mutations. Events wait in a queue per endpoint; each GraphQL request takes what is
 * waiting (up to 800: an HTTP batch of one operation per subgraph, one batch mutation per kind: a
 * transaction each, counted as one operation by the gateway's rate), `concurrency` requests at a time, on Node's kept-alive connections,
 * after the oldest has waited `lingerMs` for company. So a trickle goes out one event a request
 * and a load test fills its batches.
 *
 * Failures: an event the graph refuses is dropped and logged. One it could not take (gateway or
 * subgraph away, 5xx, 429) goes back to the front of the queue and every sender pauses, backing off
 * exponentially (Retry-After when given) until a request gets through, so a recovering service
 * sees one request at a time, not the backlog at once; after 6 attempts (`maxAttempts`) an event is dropped. The
 * queue holds at most 30 s of events: beyond that new events are dropped (and counted) rather than
 * piling up behind an outage. A resolution waits for its dossier's id and is dropped with it, a
 * retirement likewise for its server's; a run that ends (not Ctrl-C) first retires the servers it added.
 *
 * Ctrl-C (`signal`) stops making and sending events, waits for the requests in flight and counts
 * what was still queued as dropped; the end of `durationMs` sends what is queued first. Either way,
 * the servers it added that are still in service are then retired directly (within `stopTimeoutMs`,
 * 5 s; what it could not retire is logged), and before its first event it retires the ones earlier
 * runs left (a crash, or a Ctrl-C while the gateway was going away): `servers.total` as it found it.
 */
export async function runFeed(options: FeedOptions): Promise<FeedReport> {
  const { logger } = options;
  const generator = createGenerator({ seed: options.seed, catalogue: options.catalogue, start: new Date(), intervalMs: 1000 / options.rate, anyHour: options.anyHour });
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? maxEventsPerRequest, maxEventsPerRequest));
  const maxQueue = Math.max(1000, Math.ceil(options.rate * 30));
  const maxAttempts = options.maxAttempts ?? 6;
  const sent = counts();
  const droppedKinds = counts();
  const minute = { sent: counts(), errors: 0, dropped: 0 };
  let errors = 0;
  let requests = 0;
  let operationsSent = 0;
  const queues: Record<Channel, Pending[]> = { graphql: [], wazuh: [], suricata: [] };
  const queued = () => queues.graphql.length + queues.wazuh.length + queues.suricata.length;
  /** What an event creates (`dossier:3`, `server:1`) → its id, or null once it was dropped. */
  const createdIds = new Map<string, string | null>();
  /** Events that need the id of something not answered yet (a resolution its dossier's, a retirement its server's), by that thing's key. */
  const awaiting = new Map<string, FeedEvent[]>();
  let inFlight = 0;
  let pausedUntil = 0;
  let failureStreak = 0;
  let wake: (() => void) | undefined;
  const poke = () => wake?.();
  let token = await options.token();
  const caller: GraphQLCaller = { url: options.url, token: async () => token };
  const serversReport: FeedServersReport = { leftovers: 0, leftoversRetired: 0, retiredOnStop: 0, notRetired: [] };
  if (options.retireLeftovers !== false && !options.signal?.aborted) {
    const cleaned = await retireLeftovers(caller, logger, options.leftoversTimeoutMs ?? 30_000);
    operationsSent += cleaned.operations;
    Object.assign(serversReport, { leftovers: cleaned.found, leftoversRetired: cleaned.retired.length, notRetired: cleaned.failed });
  }
  /** Servers this run added and has not retired, by id. */
  const ownServers = new Set<string>();
  const started = performance.now();

  const progress = setInterval(() => {
    logger.info('feed progress', { perKind: { ...minute.sent }, errors: minute.errors, dropped: minute.dropped, queued: queued(), everyMs: options.progressMs ?? 60_000 });
    Object.assign(minute, { sent: counts(), errors: 0, dropped: 0 });
  }, options.progressMs ?? 60_000);
  progress.unref();
  const refresh = setInterval(() => void options.token().then((t) => (token = t), (e) => logger.error('token refresh failed', { error: String(e) })), 60_000);
  refresh.unref();

  /** Counts a dropped event; logs it unless `quiet` (drops in bulk are logged once, counted in the progress line). */
  const drop = (event: FeedEvent, why: string, detail: Record<string, unknown> = {}, quiet = false) => {
    droppedKinds[event.kind] += 1;
    minute.dropped += 1;
    const created = createsKey(event);
    if (created !== undefined) settleCreated(created, null);
    if (!quiet) logger.warn(`feed dropped an event: ${why}`, { kind: event.kind, at: event.at, ...detail });
  };
  let overflowLoggedAt = -Infinity;
  /** Releases (or drops) the events that waited for this record's id. */
  const settleCreated = (key: string, id: string | null) => {
    createdIds.set(key, id);
    for (const waiting of awaiting.get(key) ?? []) enqueue(waiting);
    awaiting.delete(key);
  };
  const enqueue = (event: FeedEvent) => {
    const needed = needsKey(event);
    if (needed !== undefined) {
      const id = createdIds.get(needed);
      if (id === null) return drop(event, `its ${needed.split(':')[0]} was dropped`, { needs: needed });
      if (id === undefined) return void awaiting.set(needed, [...(awaiting.get(needed) ?? []), event]);
      event = { ...event, variables: { ...event.variables, id } };
    }
    if (queued() >= maxQueue) {
      if (Date.now() - overflowLoggedAt > 10_000) logger.warn('feed dropping new events: 30 s of them are queued (the graph is behind or away)', { queued: queued() });
      overflowLoggedAt = Date.now();
      return drop(event, 'the queue is full', {}, true);
    }
    queues[channelOf(event)].push({ event, attempts: 0, queuedAt: Date.now() });
  };

  const settle = (item: Pending, outcome: Outcome) => {
    const { event } = item;
    if (outcome.applied) {
      sent[event.kind] += 1;
      minute.sent[event.kind] += 1;
      if (event.kind === 'server-add' && outcome.data?.id !== undefined) ownServers.add(String(outcome.data.id));
      if (event.kind === 'server-retire') ownServers.delete(String(event.variables.id));
      const created = createsKey(event);
      if (created !== undefined) {
        const id = outcome.data?.id;
        if (id === undefined) logger.warn('feed lost the id of what it created: a later event of its operation failed', { created });
        settleCreated(created, id === undefined ? null : String(id));
      }
      return true;
    }
    // Not written only because another event of its call was refused: sent again, not an attempt.
    if (outcome.innocent) return false;
    errors += 1;
    minute.errors += 1;
    item.attempts += 1;
    if (!outcome.retry) drop(event, 'the graph refused it', { failure: outcome.failure, variables: event.variables });
    else if (item.attempts >= maxAttempts) drop(event, `still failing after ${item.attempts} attempts`, { failure: outcome.failure });
    else return false;
    return true;
  };

  const sendRequest = async (operations: Pending[][]): Promise<void> => {
    const bodies = operations.map((items) => batchOperation(items.map((i) => i.event)));
    operationsSent += bodies.length;
    requests += 1;
    const answer = await postOperations(caller, bodies.map(({ query, variables }) => ({ query, variables })));
    settleAll(
      'graphql',
      operations.flatMap((items, o) => outcomes(bodies[o]!.fields, answer.status, answer.bodies[o]!).map((outcome, e) => [items[e]!, outcome] as const)),
      answer.retryAfterMs,
    );
  };

  /** `POST /ingest/<source>` of alert records as NDJSON: the SOC's tools' own path (docs/soc.md). */
  const sendIngest = async (source: SocRecord['source'], items: Pending[]): Promise<void> => {
    let answer: { status: number; body: IngestAnswer; retryAfterMs: number };
    requests += 1;
    try {
      // `synthetic=true`: the alerts it raises are marked like the seeds' records.
      const response = await fetch(new URL(`/ingest/${source}?synthetic=true`, options.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
        body: ingestBody(items.map((i) => i.event)),
      });
      const body = (await response.json().catch(() => ({ error: 'answer is not JSON' }))) as IngestAnswer;
      answer = { status: response.status, body, retryAfterMs: Number(response.headers.get('retry-after') ?? 0) * 1000 };
    } catch (error) {
      answer = { status: 0, body: { error: `fetch failed: ${String((error as Error).cause ?? error)}` }, retryAfterMs: 0 };
    }
    const results = ingestOutcomes(items.length, answer.status, answer.body);
    settleAll(source, items.map((item, i) => [item, results[i]!] as const), answer.retryAfterMs);
  };

  /** Settles a request's events; what is to be retried goes back to the front of its queue, and every sender pauses. */
  const settleAll = (channel: Channel, results: ReadonlyArray<readonly [Pending, Outcome]>, retryAfterMs: number) => {
    const retries: Pending[] = [];
    let failure = '';
    for (const [item, outcome] of results) {
      if (!settle(item, outcome)) {
        retries.push(item);
        if (!(outcome as { innocent?: boolean }).innocent) failure ||= (outcome as { failure: string }).failure;
      }
    }
    // Only innocent events back (their call refused another of its items): sent again without a pause.
    if (retries.length === 0 || !failure) {
      queues[channel].unshift(...retries);
      failureStreak = 0;
      return;
    }
    queues[channel].unshift(...retries);
    failureStreak += 1;
    const delay = Math.max(retryAfterMs, Math.min(maxBackoffMs, 250 * 2 ** failureStreak));
    pausedUntil = Math.max(pausedUntil, Date.now() + delay);
    logger.warn('feed pausing: the graph could not take events', { events: retries.length, inMs: delay, failure });
  };

  const lingerMs = options.lingerMs ?? 250;
  const requestSize = (channel: Channel) => (channel === 'graphql' ? maxBatch : maxLinesPerIngest);
  /** A queue's events wait for company while more are coming and less than a request's worth is queued. */
  const lingering = (channel: Channel, making: boolean) =>
    making && queues[channel].length < requestSize(channel) && Date.now() - queues[channel][0]!.queuedAt < lingerMs;
  const ready = (making: boolean) => (Object.keys(queues) as Channel[]).filter((c) => queues[c].length > 0 && !lingering(c, making));
  let turn = 0;
  const dispatch = (making: boolean) => {
    for (;;) {
      const channels = ready(making);
      if (inFlight >= options.concurrency || channels.length === 0 || Date.now() < pausedUntil || options.signal?.aborted) return;
      // Channels take turns, so a backlog of one does not starve the others.
      const channel = channels[turn++ % channels.length]!;
      // While backing off, one small request probes the graph instead of the whole backlog.
      const size = failureStreak > 0 ? probeEvents : requestSize(channel);
      const sending = channel === 'graphql' ? sendRequest(takeRequest(queues.graphql, size)) : sendIngest(channel, queues[channel].splice(0, size));
      inFlight += 1;
      void sending
        .catch((error) => logger.error('feed request failed unexpectedly', { error: String(error) }))
        .finally(() => {
          inFlight -= 1;
          poke();
        });
      if (failureStreak > 0) return;
    }
  };

  const deadline = options.durationMs === undefined ? Infinity : Date.now() + options.durationMs;
  const interval = 1000 / options.rate;
  let made = 0;
  let closed = false;
  try {
    if (options.once) for (const kind of eventKinds) enqueue(generator.one(kind));
    for (;;) {
      const now = Date.now();
      const making = !options.once && now < deadline && !options.signal?.aborted;
      // The run ends with the servers it added retired (unless stopped by Ctrl-C): the data centre's figures as it found them.
      if (!making && !closed && !options.signal?.aborted) {
        closed = true;
        for (const event of generator.closing()) enqueue(event);
      }
      if (making) {
        const due = Math.floor((performance.now() - started) / interval) + 1;
        for (; made < due; made++) enqueue(generator.next());
      }
      dispatch(making);
      if (!making && inFlight === 0 && (queued() === 0 || options.signal?.aborted)) break;
      const untilNext = making ? started + made * interval - performance.now() : Infinity;
      const untilResume = queued() > 0 && pausedUntil > now ? pausedUntil - now : Infinity;
      const untilDeadline = making ? deadline - now : Infinity;
      const heads = (Object.keys(queues) as Channel[]).filter((c) => queues[c].length > 0 && lingering(c, making)).map((c) => queues[c][0]!.queuedAt);
      const untilLingered = heads.length > 0 ? Math.min(...heads) + lingerMs - now : Infinity;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(1, Math.min(untilNext, untilResume, untilDeadline, untilLingered, 60_000)));
        options.signal?.addEventListener('abort', done, { once: true });
        wake = done;
        function done() {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', done);
          wake = undefined;
          resolve();
        }
      });
    }
    const unsent = [...Object.values(queues).flatMap((q) => q.splice(0).map((p) => p.event)), ...[...awaiting.values()].flat()];
    for (const event of unsent) drop(event, 'stopped before it was sent', {}, true);
    if (unsent.length > 0) logger.warn('feed stopped with events unsent (dropped)', { events: unsent.length });
    if (ownServers.size > 0) {
      const stopped = await retireServers(caller, [...ownServers], options.stopTimeoutMs ?? 5000);
      operationsSent += stopped.operations;
      serversReport.retiredOnStop = stopped.retired.length;
      serversReport.notRetired.push(...stopped.failed);
      if (stopped.failed.length > 0) logger.warn('feed could not retire servers it added (the next run retires them)', { servers: stopped.failed });
      else logger.info('feed retired the servers it added', { servers: stopped.retired.length });
    }
  } finally {
    clearInterval(progress);
    clearInterval(refresh);
  }
  const dropped = Object.values(droppedKinds).reduce((a, b) => a + b, 0);
  const report = { sent, errors, dropped, droppedKinds, requests, operations: operationsSent, servers: serversReport, ms: Math.round(performance.now() - started) };
  logger.info('feed done', { ...sent, errors, dropped, requests, operations: operationsSent, ms: report.ms });
  return report;
}
