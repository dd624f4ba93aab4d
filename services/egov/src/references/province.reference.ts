import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import type { Province } from '../types/province.type';
import { cachedAggregate } from '../loaders/aggregate-cache.loader';

/** Provinces by code (the scorecard's root and every Province reference), through the aggregate cache: no mutation here writes units. */
export function findProvinces(codes: readonly string[], ctx: SubgraphContext): Promise<Array<Province | null>> {
  return cachedAggregate(ctx, `provinces:${codes.join(',')}`, async () => {
    const rows = await ctx.db.getRepository(AdministrativeUnit).findBy({ code: In([...codes]), level: UnitLevel.PROVINCE });
    return alignByKey(codes, rows, (row) => row.code).map((row) => (row ? { code: row.code, name: row.name } : null));
  });
}

export const provinceReference = batchedReference<{ code: string }, SubgraphContext>('Province', (refs, ctx) =>
  findProvinces(refs.map((ref) => ref.code), ctx),
);
