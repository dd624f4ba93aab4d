import { In } from 'typeorm';
import { alignByKey, type SubgraphContext } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';

export function incidentsById(ctx: SubgraphContext) {
  return ctx.loaders.get<string, Incident>('incident-by-id', async (ids) => {
    const rows = await ctx.db.getRepository(Incident).findBy({ id: In([...ids]) });
    return alignByKey(ids, rows, (row) => row.id);
  });
}
