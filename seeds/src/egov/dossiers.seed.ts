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
 *
 * At `scale` N > 1 (benchmarks), N copies of the year are generated, copy k with its own random
 * seed (copy 0 is the scale-1 data set), and their ids interleaved (rank r of copy k gets
 * r·N + k + 1), so ids still follow receipt closely and stay below the live ids. Each copy is
 * generated and inserted in turn, so memory stays that of one year's rows.
 */
/** Ids 1..n of copy `copy` of `scale`, interleaved with the other copies': rank r becomes r·scale + copy + 1. */
export function interleavedIds(ids: readonly number[], scale: number, copy: number): number[] {
  return scale === 1 ? [...ids] : ids.map((id) => (id - 1) * scale + copy + 1);
}

export async function seedDossiers(manager: EntityManager, catalogue: Catalogue, profile: SeedProfile, scale = 1, progress?: (line: string) => void): Promise<number> {
  const totals = profile === 'full' ? dossierTotals2022 : scaleTotals(dossierTotals2022, smallProfileDossiers);
  const communes = communeWeights();
  await manager.query('DELETE FROM dossier WHERE synthetic');
  let written = 0;
  const started = performance.now();
  await withDeferredIndexes(manager, 'dossier', async () => {
    for (let copy = 0; copy < scale; copy++) {
      const rows = generateDossiers({ year: 2022, totals, services: catalogue.services, communes, seed: copy === 0 ? undefined : 2022_0001 + copy * 7919 });
      const ids = interleavedIds(rows.id, scale, copy);
      for (let start = 0; start < rows.id.length; start += chunk) {
        const end = Math.min(start + chunk, rows.id.length);
        const slice = <K extends keyof DossierColumns>(key: K) => rows[key].slice(start, end);
        await manager.query(
          `INSERT INTO dossier (id, service_id, procedure_id, service_level, agency_id, district_code, commune_code, channel, status,
             received_at, due_at, resolved_at, synthetic)
           SELECT *, true FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[],
             $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])`,
          [ids.slice(start, end), slice('serviceId'), slice('procedureId'), slice('serviceLevel'), slice('agencyId'), slice('districtCode'),
            slice('communeCode'), slice('channel'), slice('status'), slice('receivedAt'), slice('dueAt'), slice('resolvedAt')],
        );
      }
      written += rows.id.length;
      if (scale > 1) progress?.(`dossiers: copy ${copy + 1}/${scale} written (${written} rows, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    if (scale > 1) progress?.('dossiers: rebuilding indexes and foreign keys…');
  });
  await manager.query('ANALYZE dossier');
  return written;
}
