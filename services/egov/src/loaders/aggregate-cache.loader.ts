import type { EventBus, SubgraphContext, Transaction } from '@ioc/kit';
import type { DataSource } from 'typeorm';

/** Topics after which cached dossier and feedback aggregates are stale. */
export const aggregateTopics = ['dossier.received', 'dossier.resolved', 'feedback.received'] as const;

/** How long an aggregate may be reused at most (deadlines pass with time even without events). */
export const aggregateTtlMs = 30_000;

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

/**
 * Aggregates over the 288,374 dossiers (indicator actuals, drill-down counts, list totals) cost
 * 50–100 ms of scanning each; the IOC screens ask for them constantly and they change only when
 * a dossier or feedback event happens. Each data source gets a cache that every replica clears
 * on those events (the bus delivers them to all replicas on commit) and that the writing replica
 * clears itself on commit, so a client reads its own writes. Values are still counted from rows.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listening: Promise<void> | undefined;
  /** Caching only while subscribed to every topic: without the feed, values are computed each time. */
  private live = false;

  constructor(private readonly ttlMs = aggregateTtlMs) {}

  async get<T>(ctx: Pick<SubgraphContext, 'bus' | 'logger'>, key: string, compute: () => Promise<T>): Promise<T> {
    this.listen(ctx.bus, ctx.logger);
    if (!this.live) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { expires: now + this.ttlMs, value });
    try {
      return await value;
    } catch (error) {
      this.entries.delete(key);
      throw error;
    } finally {
      // Computed while something changed: do not keep a possibly stale value.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
    }
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** Clears the cache when `tx` commits, before the event reaches the other replicas. */
  invalidateOnCommit(tx: Transaction): void {
    tx.onCommit(() => this.invalidate());
  }

  private stop(logger: SubgraphContext['logger'], reason: string, error?: unknown): void {
    if (this.live) logger.warn(`aggregate cache ${reason}; computing every time`, { error });
    this.live = false;
    this.invalidate();
  }

  private listen(bus: EventBus, logger: SubgraphContext['logger']): void {
    this.listening ??= Promise.all(
      aggregateTopics.map(async (topic) => {
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

const caches = new WeakMap<DataSource, AggregateCache>();

/** The aggregate cache of a data source (one per database, so tests with several never mix). */
export function aggregateCache(db: DataSource): AggregateCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AggregateCache()));
  return cache;
}

/** Cached aggregate for this request's database; computed afresh while the cache has no event feed. */
export function cachedAggregate<T>(ctx: SubgraphContext, key: string, compute: () => Promise<T>): Promise<T> {
  return aggregateCache(ctx.db).get(ctx, key, compute);
}
