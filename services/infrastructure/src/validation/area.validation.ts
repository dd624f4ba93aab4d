import { badInput, type SubgraphContext } from '@ioc/kit';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import type { AreaArgs } from '../sql/area.sql';

/** Checks `districtCode` and `communeCode` name real units of the right level. */
export async function validateArea(ctx: SubgraphContext, area: AreaArgs): Promise<void> {
  const codes = [area.districtCode, area.communeCode].filter((code): code is string => typeof code === 'string');
  if (!codes.length) return;
  const rows = await ctx.db.getRepository(AdministrativeUnitRef).find({ where: codes.map((code) => ({ code })) });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  if (typeof area.districtCode === 'string' && byCode.get(area.districtCode)?.level !== UnitLevel.DISTRICT) {
    throw badInput('districtCode', `no district-level unit with GSO code "${area.districtCode}" in the province`);
  }
  if (typeof area.communeCode === 'string' && byCode.get(area.communeCode)?.level !== UnitLevel.COMMUNE) {
    throw badInput('communeCode', `no commune-level unit with GSO code "${area.communeCode}" in the province`);
  }
}
