import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { Enterprise } from '../entities/enterprise.entity';

/** All Enterprise representations of one `_entities` call: one SELECT ... WHERE tax_code IN (...). */
export const enterpriseReference = batchedReference<{ taxCode: string }, SubgraphContext>('Enterprise', async (refs, ctx) => {
  const codes = refs.map((ref) => ref.taxCode);
  const rows = await ctx.db.getRepository(Enterprise).findBy({ taxCode: In(codes) });
  return alignByKey(codes, rows, (row) => row.taxCode);
});
