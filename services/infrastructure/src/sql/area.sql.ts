import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';

/** A district or commune filter; both optional. */
export interface AreaArgs {
  districtCode?: string | null;
  communeCode?: string | null;
}

/** Adds area conditions on a row's `districtCode` and commune property. */
export function applyArea<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  area: AreaArgs,
  communeProperty = 'communeCode',
): void {
  if (typeof area.districtCode === 'string') query.andWhere(`${alias}.districtCode = :districtCode`, { districtCode: area.districtCode });
  if (typeof area.communeCode === 'string') query.andWhere(`${alias}.${communeProperty} = :communeCode`, { communeCode: area.communeCode });
}

/** The area of a unit given by code at any level: province (everything), district or commune. */
export function areaOfUnit(unit: AdministrativeUnitRef): AreaArgs | 'everything' {
  if (unit.level === UnitLevel.PROVINCE) return 'everything';
  if (unit.level === UnitLevel.DISTRICT) return { districtCode: unit.code };
  return { communeCode: unit.code };
}
