import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { InformationSystem } from '../entities/information-system.entity';

/** `_entities` for the keyed types egov owns: one SQL query per type per call. */
export const administrativeUnitReference = batchedReference<{ code: string }, SubgraphContext>('AdministrativeUnit', async (refs, ctx) => {
  const codes = refs.map((ref) => ref.code);
  return alignByKey(codes, await ctx.db.getRepository(AdministrativeUnit).findBy({ code: In(codes) }), (row) => row.code);
});

export const agencyReference = batchedReference<{ id: string }, SubgraphContext>('Agency', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(Agency).findBy({ id: In(ids) }), (row) => row.id);
});

export const informationSystemReference = batchedReference<{ id: string }, SubgraphContext>('InformationSystem', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(InformationSystem).findBy({ id: In(ids) }), (row) => row.id);
});
