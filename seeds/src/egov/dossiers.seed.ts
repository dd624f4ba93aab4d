import type { EntityManager } from 'typeorm';
import type { SeedProfile } from '../domain-seed';
import { withDeferredIndexes } from './bulk-load';
import { dossierTotals2022, generateDossiers, scaleTotals, type DossierColumns } from './dossier-distribution';
import { communeWeights } from './population';
import type { Catalogue } from './procedure-catalogue';

/** Dossiers in the small profile: the plan's proportions, fewer rows. */
export const smallProfileDossiers = 3000;
const chunk = 50_000;

/**
 * One row per 2022 dossier. Synthetic rows are replaced wholesale (live rows, ids from
 * 10,000,001, stay); the insert is one `INSERT ... SELECT FROM unnest(arrays)` per 50,000 rows,
 * which PostgreSQL ingests far faster than multi-row VALUES.
 */
export async function seedDossiers(manager: EntityManager, catalogue: Catalogue, profile: SeedProfile): Promise<number> {
  const totals = profile === 'full' ? dossierTotals2022 : scaleTotals(dossierTotals2022, smallProfileDossiers);
  const rows = generateDossiers({ year: 2022, totals, services: catalogue.services, communes: communeWeights() });
  await manager.query('DELETE FROM dossier WHERE synthetic');
  await withDeferredIndexes(manager, 'dossier', async () => {
    for (let start = 0; start < rows.id.length; start += chunk) {
      const end = Math.min(start + chunk, rows.id.length);
      const slice = <K extends keyof DossierColumns>(key: K) => rows[key].slice(start, end);
      await manager.query(
        `INSERT INTO dossier (id, service_id, procedure_id, service_level, agency_id, district_code, commune_code, channel, status,
           received_at, due_at, resolved_at, synthetic)
         SELECT *, true FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])`,
        [slice('id'), slice('serviceId'), slice('procedureId'), slice('serviceLevel'), slice('agencyId'), slice('districtCode'),
          slice('communeCode'), slice('channel'), slice('status'), slice('receivedAt'), slice('dueAt'), slice('resolvedAt')],
      );
    }
  });
  await manager.query('ANALYZE dossier');
  return rows.id.length;
}
