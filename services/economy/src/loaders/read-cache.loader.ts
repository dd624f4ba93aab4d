import type { EventCacheDefinition, SubgraphContext, Transaction } from '@ioc/kit';

/** Published on commit by every economy write, so each replica's cached counts clear at once. */
export const economyChangedTopic = 'economy.changed';

/**
 * The province's digital economy and society counts, reported measurements and indicators,
 * cached until `economy.changed` or `indicator.changed` (every replica) or any committed write
 * (this replica). Nothing here moves with time alone.
 */
export const economyReads: EventCacheDefinition = {
  name: 'economy reads',
  topics: [economyChangedTopic, 'indicator.changed'],
  ttlMs: 30_000,
  everyCommit: true,
};

/**
 * A write can move a headline count without moving any indicator (an enterprise registered
 * outside ICT): without this event other replicas would show the old count until the TTL.
 */
export function announceEconomyWrite(ctx: Pick<SubgraphContext, 'bus'>, tx: Transaction, target: { type: string; id: string }): Promise<void> {
  return ctx.bus.publish(economyChangedTopic, target, tx);
}
