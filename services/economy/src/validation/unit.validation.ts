import { badInput } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
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
export async function checkUnitFilters(
  manager: EntityManager,
  filters: { districtCode?: string | null; communeCode?: string | null },
): Promise<void> {
  const codes = [filters.districtCode, filters.communeCode].filter((code): code is string => typeof code === 'string');
  if (codes.length === 0) return;
  const rows = await manager.getRepository(AdministrativeUnitRef).find({ where: codes.map((code) => ({ code })) });
  const byCode = new Map(rows.map((row) => [row.code, row]));
  if (filters.districtCode != null && byCode.get(filters.districtCode)?.level !== 'DISTRICT') {
    throw badInput('districtCode', `"${filters.districtCode}" is not the GSO code of a district-level unit of Trà Vinh`);
  }
  if (filters.communeCode != null && byCode.get(filters.communeCode)?.level !== 'COMMUNE') {
    throw badInput('communeCode', `"${filters.communeCode}" is not the GSO code of a commune-level unit of Trà Vinh`);
  }
}
