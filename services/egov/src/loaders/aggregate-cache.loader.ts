import { eventCache, type EventCache, type SubgraphContext } from '@ioc/kit';
import type { DataSource } from 'typeorm';

/** Topics after which cached dossier and feedback aggregates are stale. */
export const aggregateTopics = ['dossier.received', 'dossier.resolved', 'feedback.received'] as const;

/**
 * How long an aggregate may be reused at most: overdue counts move as deadlines pass, without any
 * event, so they are at most this stale (keys of values that depend on the date carry the date).
 */
export const aggregateTtlMs = 30_000;

/**
 * Aggregates over the 288,374 dossiers (indicator actuals, drill-down counts, list totals) cost
 * 50–100 ms of scanning each; they change only when a dossier or feedback event happens. The
 * kit's event cache (cleared on those events on every replica, and on this replica by any
 * transaction that commits) keeps them per data source.
 */
export function aggregateCache(db: DataSource): EventCache {
  return eventCache(db, 'egov aggregates', { topics: aggregateTopics, ttlMs: aggregateTtlMs, everyCommit: true });
}

/** Cached aggregate for this request's database; computed afresh while the cache has no event feed. */
export function cachedAggregate<T>(ctx: SubgraphContext, key: string, compute: () => Promise<T>): Promise<T> {
  return aggregateCache(ctx.db).get(ctx, key, compute);
}
