import { evaluateIndicator, type Indicator, indicatorDefinitionOf, IndicatorDefinitionRow, loadEach, type SubgraphContext } from '@ioc/kit';
import { cachedAggregate } from '../loaders/aggregate-cache.loader';
import { baselineMeasurementOf } from './baselines';

/**
 * The live actual of each e-government, data-platform and workforce indicator: computed from
 * this service's rows where they measure it, else the latest reported measurement behind the
 * baseline, else null (NO_DATA). One SQL query for all computed actuals.
 */
export function computeActuals(ctx: SubgraphContext): Promise<Record<string, number | null>> {
  return cachedAggregate(ctx, 'indicators:actuals', () => queryActuals(ctx));
}

export async function queryActuals(ctx: SubgraphContext): Promise<Record<string, number | null>> {
  const [row] = await ctx.db.query(`
    SELECT
      (SELECT 100.0 * count(*) FILTER (WHERE channel = 'ONLINE') / NULLIF(count(*), 0) FROM dossier) AS dossiers_online,
      (SELECT 100.0 * count(*) FILTER (WHERE national_portal) / NULLIF(count(*), 0) FROM online_service) AS national_portal,
      (SELECT 100.0 * (SELECT count(*) FROM administrative_procedure p
                        WHERE EXISTS (SELECT 1 FROM dossier d WHERE d.procedure_id = p.id AND d.channel = 'ONLINE'))
              / NULLIF((SELECT count(*) FROM administrative_procedure), 0)) AS procedures_with_online,
      (SELECT 100.0 * count(DISTINCT f.agency_id) / NULLIF((SELECT count(*) FROM agency WHERE kind <> 'PARTY'), 0)
         FROM feedback f JOIN agency a ON a.id = f.agency_id AND a.kind <> 'PARTY') AS agencies_pakn,
      (SELECT 100.0 * (SELECT sum(value) FROM reported_measurement
                        WHERE indicator IN ('iso.agencies.province', 'iso.agencies.district', 'iso.agencies.commune')
                          AND period = (SELECT max(period) FROM reported_measurement WHERE indicator = 'iso.agencies.province'))
              / NULLIF((SELECT count(*) FROM agency WHERE kind <> 'PARTY'), 0)) AS agencies_iso,
      (SELECT json_object_agg(indicator, value) FROM (
         SELECT DISTINCT ON (indicator) indicator, value FROM reported_measurement ORDER BY indicator, period DESC) latest) AS latest`);
  const latest = (row?.latest ?? {}) as Record<string, string | number>;
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const actuals: Record<string, number | null> = {
    dossiersOnlineShare: num(row?.dossiers_online),
    proceduresIntegratedNationalPortalShare: num(row?.national_portal),
    proceduresWithOnlineDossiersShare: num(row?.procedures_with_online),
    agenciesUsingPaknShare: num(row?.agencies_pakn),
    agenciesUsingIsoElectronicShare: num(row?.agencies_iso),
  };
  for (const [code, measurement] of Object.entries(baselineMeasurementOf)) {
    if (actuals[code] === undefined || actuals[code] === null) actuals[code] = num(latest[measurement]);
  }
  return actuals;
}

export async function egovIndicators(ctx: SubgraphContext): Promise<Indicator[]> {
  return loadEach<string, Indicator[]>(ctx, 'egov:indicators', 'all', async (keys) => {
      const [definitions, actuals] = await Promise.all([
        // Definitions are written by the seed only: cached with the actuals.
        cachedAggregate(ctx, 'indicators:definitions', () => ctx.db.getRepository(IndicatorDefinitionRow).find({ order: { position: 'ASC' } })),
        computeActuals(ctx),
      ]);
      const indicators = definitions.map((definition) => evaluateIndicator(indicatorDefinitionOf(definition), actuals[definition.code] ?? null));
      return keys.map(() => indicators);
    }) as Promise<Indicator[]>;
}
