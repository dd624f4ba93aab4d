import { type AreaFilter, badInput, checkAreaFilter } from '@ioc/kit';
import { In, type EntityManager } from 'typeorm';
import { AdministrativeUnitRef } from '../entities/administrative-unit-ref.entity';

/** The unit with this code at this level, or BAD_USER_INPUT naming `argument`. */
export async function requireUnit(manager: EntityManager, code: string, level: 'DISTRICT' | 'COMMUNE', argument: string): Promise<AdministrativeUnitRef> {
  const unit = await manager.getRepository(AdministrativeUnitRef).findOneBy({ code });
  if (!unit || unit.level !== level) {
    throw badInput(argument, `"${code}" is not the GSO code of a ${level === 'DISTRICT' ? 'district-level' : 'commune-level'} unit of Trà Vinh`);
  }
  return unit;
}

/** Validates optional district and commune filters together (one query). */
export function checkUnitFilters(manager: EntityManager, filters: AreaFilter): Promise<void> {
  return checkAreaFilter(filters, (codes) => manager.getRepository(AdministrativeUnitRef).findBy({ code: In(codes) }));
}
