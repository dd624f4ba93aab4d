import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import type { Catalogue } from './procedure-catalogue';

/** Procedures and online services (synthetic records, exact totals); upserted so live dossiers keep their references. */
export async function seedProcedures(manager: EntityManager, catalogue: Catalogue): Promise<{ procedures: number; services: number }> {
  await bulkInsert(
    manager,
    'administrative_procedure',
    ['id', 'code', 'name', 'field', 'agency_id', 'processing_days', 'published_on', 'search_name', 'synthetic'],
    catalogue.procedures.map((p) => [p.id, p.code, p.name, p.field, p.agencyId, p.processingDays, p.publishedOn, foldVietnamese(`${p.name} ${p.field} ${p.code}`), true]),
    {
      conflict: `ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, field = EXCLUDED.field, agency_id = EXCLUDED.agency_id,
        processing_days = EXCLUDED.processing_days, published_on = EXCLUDED.published_on, search_name = EXCLUDED.search_name`,
    },
  );
  await bulkInsert(
    manager,
    'online_service',
    ['id', 'procedure_id', 'name', 'level', 'authority_level', 'agency_id', 'national_portal', 'search_name', 'synthetic'],
    catalogue.services.map((s) => [s.id, s.procedureId, s.name, s.level, s.authorityLevel, s.agencyId, s.nationalPortal, foldVietnamese(s.name), true]),
    {
      conflict: `ON CONFLICT (id) DO UPDATE SET procedure_id = EXCLUDED.procedure_id, name = EXCLUDED.name, level = EXCLUDED.level,
        authority_level = EXCLUDED.authority_level, agency_id = EXCLUDED.agency_id, national_portal = EXCLUDED.national_portal, search_name = EXCLUDED.search_name`,
    },
  );
  return { procedures: catalogue.procedures.length, services: catalogue.services.length };
}
