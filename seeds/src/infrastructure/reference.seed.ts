import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { loadSystems } from '../shared/systems';
import { levelOf, loadTraVinhUnits, type GsoUnit } from '../shared/units';

export interface UnitInfo {
  code: string;
  name: string;
  nameWithType: string;
  level: string;
  type: string;
  districtCode: string | null;
  rural: boolean;
}

/** Trà Vinh's units with their district; a ward called "1" is named "Phường 1". */
export function traVinhUnits(): UnitInfo[] {
  const units = loadTraVinhUnits();
  return units.map((unit: GsoUnit) => {
    const level = levelOf[unit.type];
    if (!level) throw new Error(`unknown GSO unit type "${unit.type}" for ${unit.code}`);
    return {
      code: unit.code,
      name: /^\d+$/.test(unit.name) ? unit.name_with_type : unit.name,
      nameWithType: unit.name_with_type,
      level,
      type: unit.type,
      districtCode: level === 'DISTRICT' ? unit.code : level === 'COMMUNE' ? unit.parent_code! : null,
      rural: unit.type === 'xa',
    };
  });
}

/** This service's copies of egov's keys: units (with fibre reach) and the system catalogue. */
export async function seedReferences(manager: EntityManager, units: readonly UnitInfo[]): Promise<{ units: number; systems: number }> {
  const parentOf = new Map(loadTraVinhUnits().map((unit) => [unit.code, unit.parent_code ?? null]));
  await bulkInsert(
    manager,
    'administrative_unit_ref',
    ['code', 'name', 'name_with_type', 'level', 'parent_code', 'district_code', 'rural', 'fibre', 'search_name'],
    // The fibre transmission network reaches 100% of communes (plan, Part I, II.3.a).
    units.map((unit) => [unit.code, unit.name, unit.nameWithType, unit.level, parentOf.get(unit.code) ?? null, unit.districtCode, unit.rural, true, foldVietnamese(unit.nameWithType)]),
  );
  const systems = loadSystems();
  await bulkInsert(
    manager,
    'information_system_ref',
    ['id', 'name_en', 'in_data_centre'],
    systems.map((system) => [system.code, system.nameEn, system.inDataCentre]),
  );
  return { units: units.length, systems: systems.length };
}
