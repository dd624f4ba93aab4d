import type { EntityManager } from 'typeorm';
import { baselineMeasurementOf } from '@ioc/egov/baselines';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

interface Measurement {
  indicator: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  period: string;
  value: number;
  qualifier?: string;
  source: string;
  synthetic: boolean;
}

interface IndicatorRecord {
  code: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  baseline2022: number | null;
  target: number;
  comparator: string;
  source: string;
}

/** The domains this service measures; the plan-wide sections (awareness, budget) live here too. */
export const egovIndicatorDomains = ['DIGITAL_GOVERNMENT', 'DATA_PLATFORMS', 'WORKFORCE'];
export const egovMeasurementDomains = [...egovIndicatorDomains, 'DIGITAL_AWARENESS', 'BUDGET'];

/**
 * Totals that are rows here are counted from the rows (services, procedures, dossiers, the 2022
 * spend from the project rows), so the plan's copies of them are not stored.
 */
export function isCountedFromRows(m: Measurement): boolean {
  return (m.indicator.startsWith('publicServices.') && m.unit === 'count') || m.indicator === 'budget.spend2022';
}

/** Where the plan gives a 2022 value for a 2023 target, the indicator's baseline is that reported value. */
export const baselineOf = baselineMeasurementOf;

export async function seedIndicators(manager: EntityManager): Promise<{ measurements: number; indicators: number }> {
  const all = planData<Measurement[]>('reported-measurements.json');
  const measurements = all.filter((m) => egovMeasurementDomains.includes(m.domain) && !isCountedFromRows(m));
  await manager.query('DELETE FROM reported_measurement');
  await bulkInsert(
    manager,
    'reported_measurement',
    ['indicator', 'period', 'domain', 'title_vi', 'title_en', 'unit', 'value', 'qualifier', 'source', 'synthetic'],
    measurements.map((m) => [m.indicator, m.period, m.domain, m.titleVi, m.titleEn, m.unit, m.value, m.qualifier ?? null, m.source, m.synthetic]),
  );
  const reported2022 = new Map(all.filter((m) => m.period === '2022').map((m) => [m.indicator, m]));
  const indicators = planData<IndicatorRecord[]>('indicators.json').filter((i) => egovIndicatorDomains.includes(i.domain));
  await manager.query('DELETE FROM indicator_definition');
  await bulkInsert(
    manager,
    'indicator_definition',
    ['code', 'domain', 'title_vi', 'title_en', 'unit', 'baseline', 'baseline_source', 'target', 'comparator', 'source', 'position'],
    indicators.map((i, position) => {
      const baseline = baselineOf[i.code] ? reported2022.get(baselineOf[i.code]!) : undefined;
      if (baselineOf[i.code] && !baseline) throw new Error(`indicator ${i.code}: no 2022 measurement ${baselineOf[i.code]}`);
      return [i.code, i.domain, i.titleVi, i.titleEn, i.unit, baseline?.value ?? i.baseline2022 ?? null, baseline ? `${baseline.indicator} (${baseline.source})` : null,
        i.target, i.comparator, i.source, position];
    }),
  );
  return { measurements: measurements.length, indicators: indicators.length };
}
