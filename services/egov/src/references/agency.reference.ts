import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { Agency } from '../entities/agency.entity';

export const agencyReference = batchedReference<{ id: string }, SubgraphContext>('Agency', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(Agency).findBy({ id: In(ids) }), (row) => row.id);
});
