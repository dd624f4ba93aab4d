import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { BtsStation } from '../entities/bts-station.entity';

export async function findBtsStations(ids: readonly string[], ctx: SubgraphContext): Promise<Array<BtsStation | null>> {
  const rows = await ctx.db.getRepository(BtsStation).findBy({ id: In([...new Set(ids)]) });
  return alignByKey(ids, rows, (row) => row.id);
}

export const btsStationReference = batchedReference<{ id: string }, SubgraphContext>('BtsStation', (refs, ctx) =>
  findBtsStations(refs.map((ref) => ref.id), ctx),
);
