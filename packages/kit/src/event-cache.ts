import type { DataSource } from 'typeorm';
import type { Transaction } from './database';
import type { EventBus, EventStream } from './event-bus/event-bus';
import type { Logger } from './logger';

/** Entries one cache holds at most. */
export const maxEntriesPerCache = 1000;

/** After its feed failed, a cache tries to subscribe again at most this often (not on every read). */
export const resubscribeAfterMs = 1000;

/**
 * A read cache cleared by events: values computed from rows (summaries, indicator actuals, list
 * totals) that change only when something publishes on one of the cache's topics.
 *
 * - Every replica clears it when the bus delivers an event of one of its topics.
 * - The writing replica clears it itself when the transaction that published the event commits
 *   (the kit's buses call `invalidateCachesOnPublish`), so a client reads its own write on the
 *   next request, before the bus has delivered anything. No mutation has to remember it.
 * - Entries live `ttlMs` at most: values that move with time alone (deadlines passing, "today")
 *   are at most that stale. Callers whose values depend on the date put the date in the key.
 * - It caches only while subscribed to every topic and while the bus's link is up: without the
 *   feed, it computes every time. When a topic's feed ends or fails, it subscribes again on a
 *   later read; when the link comes back after a drop (events in between lost), it starts empty.
 * - A value computed while an invalidation happened is returned but not kept.
 */
export class EventCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  private generation = 0;
  private readonly streams = new Map<string, EventStream<unknown>>();
  private listening: Promise<void> | undefined;
  private retryAt = 0;
  private readonly watchedBuses = new WeakSet<EventBus>();
  private linkUp = true;
  private live = false;

  constructor(
    readonly name: string,
    readonly topics: readonly string[],
    readonly ttlMs: number,
    /** Also cleared on this replica whenever any transaction on its database commits (`withTransaction`). */
    readonly everyCommit = false,
  ) {
    if (!topics.length) throw new Error(`event cache "${name}" watches no topic: it would never be cleared`);
    if (!(ttlMs > 0)) throw new Error(`event cache "${name}": ttlMs must be a positive number of milliseconds (got ${ttlMs})`);
  }

  /** True while the cache is fed by the bus and keeps values. */
  get caching(): boolean {
    return this.live;
  }

  async get<T>(ctx: { bus: EventBus; logger: Logger }, key: string, compute: () => Promise<T>): Promise<T> {
    this.listen(ctx.bus, ctx.logger);
    if (!this.live) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const generation = this.generation;
    const value = compute();
    // Re-set, not updated in place, so the Map's order stays the order of last computation.
    this.entries.delete(key);
    // Bounded: keys can carry request arguments (a count's filters); the oldest entry goes first.
    if (this.entries.size >= maxEntriesPerCache) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { expires: now + this.ttlMs, value });
    try {
      return await value;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    } finally {
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Resolves once the cache is subscribed (or has given up): for tests and warm-ups. */
  async ready(ctx: { bus: EventBus; logger: Logger }): Promise<void> {
    this.listen(ctx.bus, ctx.logger);
    await this.listening;
  }

  private stop(logger: Logger, reason: string, error?: unknown): void {
    if (this.live) logger.warn(`${this.name} cache ${reason}; computing every time`, { error });
    this.live = false;
    this.invalidate();
  }

  /** Subscribes to the topics it has no feed for; at most once every `resubscribeAfterMs` after a failure. */
  private listen(bus: EventBus, logger: Logger): void {
    if (this.listening || this.streams.size === this.topics.length || Date.now() < this.retryAt) return;
    this.watchLink(bus, logger);
    this.listening = Promise.all(this.topics.filter((topic) => !this.streams.has(topic)).map((topic) => this.follow(bus, logger, topic))).then(
      () => {
        this.listening = undefined;
        this.invalidate();
        this.live = this.linkUp && this.streams.size === this.topics.length;
      },
      (error: unknown) => {
        this.listening = undefined;
        this.retryAt = Date.now() + resubscribeAfterMs;
        this.stop(logger, 'could not subscribe', error);
      },
    );
  }

  private async follow(bus: EventBus, logger: Logger, topic: string): Promise<void> {
    const stream = await bus.subscribe(topic);
    this.streams.set(topic, stream);
    const lost = (reason: string, error?: unknown) => {
      this.streams.delete(topic);
      this.retryAt = Date.now() + resubscribeAfterMs;
      this.stop(logger, reason, error);
    };
    void (async () => {
      for await (const _event of stream) this.invalidate();
    })().then(
      // The stream ends when the bus closes (shutdown): stop caching, quietly.
      () => {
        this.live = false;
        lost('feed ended');
      },
      (error: unknown) => lost(`lost the "${topic}" feed`, error),
    );
  }

  /** Events sent while the bus's link was down never reach the streams: forget what was derived before. */
  private watchLink(bus: EventBus, logger: Logger): void {
    if (this.watchedBuses.has(bus)) return;
    this.watchedBuses.add(bus);
    bus.onLinkChange((up) => {
      this.linkUp = up;
      if (!up) this.stop(logger, 'lost the event bus link');
      else {
        this.invalidate();
        this.live = !this.listening && this.streams.size === this.topics.length;
      }
    });
  }
}

export interface EventCacheOptions {
  /** The events after which the cached values are stale. */
  topics: readonly string[];
  /** The longest a value is reused (time-dependent values are at most this stale). */
  ttlMs: number;
  /**
   * Also clear it on this replica whenever any transaction on the database commits, for values
   * that writes publishing nothing can move (other replicas then rely on the topics and the TTL).
   */
  everyCommit?: boolean;
}

const registry = new WeakMap<DataSource, Map<string, EventCache>>();

/**
 * The cache `name` of a data source (one per database, so tests with several never mix). The
 * first call fixes its topics and TTL; a later call with other topics is a programming error.
 */
export function eventCache(db: DataSource, name: string, options: EventCacheOptions): EventCache {
  let caches = registry.get(db);
  if (!caches) registry.set(db, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new EventCache(name, options.topics, options.ttlMs, options.everyCommit ?? false)));
  else if (cache.topics.join(',') !== options.topics.join(',')) throw new Error(`event cache "${name}" already watches ${cache.topics.join(', ')}, not ${options.topics.join(', ')}`);
  return cache;
}

/**
 * Called by the kit's event buses on each publish in a transaction: when it commits, the caches
 * of that transaction's data source watching `topic` are cleared on this replica at once.
 */
export function invalidateCachesOnPublish(topic: string, tx: Transaction | undefined): void {
  // Test stand-ins for a transaction have no manager: nothing of theirs is cached.
  const db = (tx?.manager as Transaction['manager'] | undefined)?.dataSource;
  if (!tx || !db) return;
  // Looked up on commit: a cache first used while the transaction ran is cleared too.
  tx.onCommit(() => {
    for (const cache of registry.get(db)?.values() ?? []) if (cache.topics.includes(topic)) cache.invalidate();
  });
}

/** Called by `withTransaction` after a commit: clears the caches of `db` that asked for every commit. */
export function invalidateCachesOnCommit(db: DataSource): void {
  for (const cache of registry.get(db)?.values() ?? []) if (cache.everyCommit) cache.invalidate();
}

/** A named cache's definition, declared once per service next to the reads it serves. */
export interface EventCacheDefinition extends EventCacheOptions {
  name: string;
}

/** `compute()`, or its value cached in this database's `definition.name` cache (see `EventCache`). */
export function cachedRead<T>(ctx: { db: DataSource; bus: EventBus; logger: Logger }, definition: EventCacheDefinition, key: string, compute: () => Promise<T>): Promise<T> {
  return eventCache(ctx.db, definition.name, definition).get(ctx, key, compute);
}
