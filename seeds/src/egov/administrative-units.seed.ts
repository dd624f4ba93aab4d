import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { levelOf, loadTraVinhUnits, validFrom } from '../shared/units';

export async function seedAdministrativeUnits(manager: EntityManager): Promise<number> {
  const units = loadTraVinhUnits();
  for (const unit of units) {
    const level = levelOf[unit.type];
    if (!level) throw new Error(`unknown GSO unit type "${unit.type}" for ${unit.code}`);
    await manager.query(
      `INSERT INTO administrative_unit (code, name, name_with_type, level, kind, parent_code, search_name, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_with_type = EXCLUDED.name_with_type, search_name = EXCLUDED.search_name`,
      [unit.code, unit.name, unit.name_with_type, level, unit.type, unit.parent_code ?? null, foldVietnamese(unit.name), validFrom],
    );
  }
  return units.length;
}
