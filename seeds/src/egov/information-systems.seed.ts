import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';
import { loadSystems } from '../shared/systems';

interface SystemExtras {
  code: string;
  url?: string;
  lgspConnected2022?: boolean;
  source?: string;
}

export async function seedInformationSystems(manager: EntityManager): Promise<number> {
  const extras = new Map(planData<SystemExtras[]>('information-systems.json').map((s) => [s.code, s]));
  const systems = loadSystems();
  await bulkInsert(
    manager,
    'information_system',
    ['id', 'name_vi', 'name_en', 'owner_agency_id', 'category', 'in_data_centre', 'lgsp_connected', 'url', 'source', 'search_name', 'synthetic'],
    systems.map((s) => {
      const extra = extras.get(s.code);
      return [s.code, s.nameVi, s.nameEn, s.ownerAgencyCode, s.category, s.inDataCentre, extra?.lgspConnected2022 ?? false,
        extra?.url ?? null, extra?.source ?? 'Kế hoạch 37/KH-UBND', foldVietnamese(`${s.nameVi} ${s.nameEn} ${s.code}`), s.synthetic];
    }),
    {
      conflict: `ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, owner_agency_id = EXCLUDED.owner_agency_id,
        category = EXCLUDED.category, in_data_centre = EXCLUDED.in_data_centre, lgsp_connected = EXCLUDED.lgsp_connected, url = EXCLUDED.url,
        source = EXCLUDED.source, search_name = EXCLUDED.search_name, synthetic = EXCLUDED.synthetic`,
    },
  );
  return systems.length;
}
