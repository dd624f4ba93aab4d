import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';

export const administrativeUnitReference = batchedReference<{ code: string }, SubgraphContext>('AdministrativeUnit', async (refs, ctx) => {
  const codes = refs.map((ref) => ref.code);
  return alignByKey(codes, await ctx.db.getRepository(AdministrativeUnit).findBy({ code: In(codes) }), (row) => row.code);
});
