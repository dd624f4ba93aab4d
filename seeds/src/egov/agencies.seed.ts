import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { loadAgencies } from '../shared/agencies';

export async function seedAgencies(manager: EntityManager): Promise<number> {
  const agencies = loadAgencies();
  await bulkInsert(
    manager,
    'agency',
    ['id', 'name_vi', 'name_en', 'level', 'kind', 'unit_code', 'search_name', 'synthetic'],
    agencies.map((a) => [a.id, a.nameVi, a.nameEn, a.level, a.kind, a.unitCode, foldVietnamese(`${a.nameVi} ${a.nameEn} ${a.id}`), a.synthetic]),
    {
      conflict: `ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, level = EXCLUDED.level,
        kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code, search_name = EXCLUDED.search_name, synthetic = EXCLUDED.synthetic`,
    },
  );
  return agencies.length;
}
