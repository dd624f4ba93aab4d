import { cachedRead, checkAreaFilter, type SubgraphContext } from '@ioc/kit';
import { In } from 'typeorm';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import type { AreaArgs } from '../sql/area.sql';
import { infrastructureReads } from '../loaders/read-cache.loader';

/**
 * Checks `districtCode` and `communeCode` name real units of the right level, in this service's
 * copy of the units (read through the service's read cache: the copy changes only by a write here).
 */
export function validateArea(ctx: SubgraphContext, area: AreaArgs): Promise<void> {
  return checkAreaFilter(area, (codes) =>
    cachedRead(ctx, infrastructureReads, `units:${codes.join(',')}`, () => ctx.db.getRepository(AdministrativeUnitRef).findBy({ code: In(codes) })),
  );
}
