import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';

export const ecommerceProductReference = batchedReference<{ id: string }, SubgraphContext>('EcommerceProduct', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(EcommerceProduct).findBy({ id: In(ids) }), (row) => row.id);
});
