import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';

/** All Incident representations of one `_entities` call in one query. */
export const incidentReference = batchedReference<{ id: string }, SubgraphContext>('Incident', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  const rows = await ctx.db.getRepository(Incident).findBy({ id: In(ids) });
  return alignByKey(ids, rows, (row) => row.id);
});
