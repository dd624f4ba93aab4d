import type { Transaction } from '../database';

export type EventPayload = Record<string, unknown>;

/**
 * Delivers small events (ids, not documents) between processes. Events published with a
 * transaction are delivered only if and when it commits, so a subscriber never sees an event
 * whose row is not yet (or never) visible.
 */
export interface EventBus {
  publish(topic: string, payload: EventPayload, tx?: Transaction): Promise<void>;
  /** Many events on one topic in one round trip, where the bus can (a bulk ingest); `publishAll` falls back to one by one. */
  publishMany?(topic: string, payloads: readonly EventPayload[], tx?: Transaction): Promise<void>;
  /** Resolves once the subscription is live: anything published after that is delivered. */
  subscribe<T extends EventPayload = EventPayload>(topic: string, options?: SubscribeOptions): Promise<EventStream<T>>;
  /** After `close()`, `subscribe` throws `EventBusClosedError`. */
  close(): Promise<void>;
  /**
   * Tells `listener` when the link to the bus's backend drops (`false`: events published from now
   * on may never be delivered here) and when it is back (`true`: events flow again, those in
   * between are lost). Subscribers that hold state derived from events (caches) reset on both.
   */
  onLinkChange(listener: LinkListener): void;
}

export type LinkListener = (up: boolean) => void;

/** The listeners of a bus's link, told of each change in order; one that throws does not stop the others. */
export class LinkListeners {
  private readonly listeners: LinkListener[] = [];

  add(listener: LinkListener): void {
    this.listeners.push(listener);
  }

  notify(up: boolean, logger?: { warn(message: string, fields?: Record<string, unknown>): void }): void {
    for (const listener of this.listeners) {
      try {
        listener(up);
      } catch (error) {
        logger?.warn('event bus link listener failed', { error });
      }
    }
  }
}

export class EventBusClosedError extends Error {
  constructor() {
    super('the event bus is closed');
    this.name = 'EventBusClosedError';
  }
}

export interface SubscribeOptions {
  /** Events held for a subscriber that reads too slowly; past it the stream fails. Default 10,000. */
  bufferSize?: number;
}

/** An async iterator whose `return()` unsubscribes at once, not on the next event. */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorResult<T>>;
}

export class EventBusOverflowError extends Error {
  constructor(topic: string, bufferSize: number) {
    super(`subscriber to "${topic}" fell ${bufferSize} events behind and was dropped`);
    this.name = 'EventBusOverflowError';
  }
}

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

const topicPattern = /^[a-z][a-z0-9_.-]{0,47}$/;
/** PostgreSQL NOTIFY payloads must stay under 8000 bytes; keep a margin. */
export const maxPayloadBytes = 7900;

export function validateEvent(topic: string, payload?: EventPayload): string | undefined {
  if (!topicPattern.test(topic)) throw new InvalidEventError(`invalid topic "${topic}": use lowercase letters, digits, '.', '_' or '-' (max 48)`);
  if (payload === undefined) return undefined;
  const json = JSON.stringify(payload);
  const bytes = Buffer.byteLength(json);
  if (bytes > maxPayloadBytes) throw new InvalidEventError(`event on "${topic}" is ${bytes} bytes; the limit is ${maxPayloadBytes}: send ids, not documents`);
  return json;
}

/** Publishes every payload on `topic`, in one round trip when the bus supports it. */
export async function publishAll(bus: EventBus, topic: string, payloads: readonly EventPayload[], tx?: Transaction): Promise<void> {
  if (!payloads.length) return;
  if (bus.publishMany) return bus.publishMany(topic, payloads, tx);
  for (const payload of payloads) await bus.publish(topic, payload, tx);
}
