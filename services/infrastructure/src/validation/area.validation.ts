import { checkAreaFilter, type SubgraphContext } from '@ioc/kit';
import { In } from 'typeorm';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import type { AreaArgs } from '../sql/area.sql';

/** Checks `districtCode` and `communeCode` name real units of the right level, in this service's copy of the units. */
export function validateArea(ctx: SubgraphContext, area: AreaArgs): Promise<void> {
  return checkAreaFilter(area, (codes) => ctx.db.getRepository(AdministrativeUnitRef).findBy({ code: In(codes) }));
}
