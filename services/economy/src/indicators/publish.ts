import type { SubgraphContext, Transaction } from '@ioc/kit';

/** `indicator.changed` with the code only, delivered when the transaction commits. */
export async function publishIndicatorChanges(ctx: SubgraphContext, tx: Transaction, codes: readonly string[]): Promise<void> {
  for (const code of codes) await ctx.bus.publish('indicator.changed', { code, subgraph: 'economy' }, tx);
}
