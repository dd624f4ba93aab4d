import type { DataSource } from 'typeorm';
import type { Transaction } from './database';
import type { EventBus } from './event-bus/event-bus';
import type { Logger } from './logger';

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
 * - It caches only while subscribed to every topic: without the feed, it computes every time.
 * - A value computed while an invalidation happened is returned but not kept.
 */
/** Entries one cache holds at most. */
export const maxEntriesPerCache = 1000;

export class EventCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  private generation = 0;
  private listening: Promise<void> | undefined;
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
    // Bounded: keys can carry request arguments (a count's filters); the oldest entry goes first.
    if (!hit && this.entries.size >= maxEntriesPerCache) this.entries.delete(this.entries.keys().next().value!);
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

  /** Clears the cache when `tx` commits (for a write that publishes nothing on the cache's topics). */
  invalidateOnCommit(tx: Transaction): void {
    tx.onCommit(() => this.invalidate());
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

  private listen(bus: EventBus, logger: Logger): void {
    this.listening ??= Promise.all(
      this.topics.map(async (topic) => {
        const stream = await bus.subscribe(topic);
        void (async () => {
          for await (const _event of stream) this.invalidate();
          // The stream ends when the bus closes (shutdown): stop caching quietly.
          this.live = false;
          this.invalidate();
        })().catch((error: unknown) => this.stop(logger, `lost the "${topic}" feed`, error));
      }),
    ).then(
      () => {
        this.live = true;
      },
      (error: unknown) => this.stop(logger, 'could not subscribe', error),
    );
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
