import type { EventCacheDefinition } from '@ioc/kit';

/**
 * The province's digital economy and society counts, reported measurements and indicators,
 * cached until `indicator.changed` (every replica) or any committed write (this replica). A write
 * that moves a headline count but no indicator (an enterprise registered outside ICT) publishes
 * nothing: another replica shows it within `ttlMs`. Nothing here moves with time alone.
 */
export const economyReads: EventCacheDefinition = {
  name: 'economy reads',
  topics: ['indicator.changed'],
  ttlMs: 30_000,
  everyCommit: true,
};
