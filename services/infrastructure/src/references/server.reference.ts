import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { Server } from '../entities/server.entity';

/** Servers by id, in the order asked, null where unknown: one SQL query. */
export async function findServers(ids: readonly string[], ctx: SubgraphContext): Promise<Array<Server | null>> {
  const rows = await ctx.db.getRepository(Server).findBy({ id: In([...new Set(ids)]) });
  return alignByKey(ids, rows, (row) => row.id);
}

export const serverReference = batchedReference<{ id: string }, SubgraphContext>('Server', (refs, ctx) =>
  findServers(refs.map((ref) => ref.id), ctx),
);
