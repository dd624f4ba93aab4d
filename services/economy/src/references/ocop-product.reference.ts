import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { OcopProduct } from '../entities/ocop-product.entity';

export const ocopProductReference = batchedReference<{ id: string }, SubgraphContext>('OcopProduct', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(OcopProduct).findBy({ id: In(ids) }), (row) => row.id);
});
