import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';

/** All Alert representations of one `_entities` call in one query. */
export const alertReference = batchedReference<{ id: string }, SubgraphContext>('Alert', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  const rows = await ctx.db.getRepository(Alert).findBy({ id: In(ids) });
  return alignByKey(ids, rows, (row) => row.id);
});
