import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { InformationSystem } from '../entities/information-system.entity';

export const informationSystemReference = batchedReference<{ id: string }, SubgraphContext>('InformationSystem', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(InformationSystem).findBy({ id: In(ids) }), (row) => row.id);
});
