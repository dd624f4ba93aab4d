import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

interface PlanIndicator {
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

interface PlanMeasurement {
  indicator: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  period: string;
  value: number;
  source: string;
  qualifier?: string;
  synthetic: boolean;
}

/**
 * Reported security figures that are counts of rows held somewhere are not stored: graded
 * systems, systems and alerts are counted from this service's rows; LAN security appliances
 * from infra's.
 */
export const countedFromRows = new Set([
  'security.systemsGraded',
  'security.systemsTotal',
  'soc.alerts',
  'soc.alerts.vulnerability',
  'soc.alerts.malware',
  'security.lanSecurityAppliances',
  'security.lanSecurityAppliances.province',
  'security.lanSecurityAppliances.district',
  'security.lanSecurityAppliances.commune',
]);

export async function seedIndicatorDefinitions(manager: EntityManager): Promise<number> {
  const rows = planData<PlanIndicator[]>('indicators.json').filter((indicator) => indicator.domain === 'SECURITY');
  return bulkInsert(
    manager,
    'indicator_definition',
    ['code', 'domain', 'title_vi', 'title_en', 'unit', 'baseline', 'target', 'comparator', 'source'],
    rows.map((row) => [row.code, row.domain, row.titleVi, row.titleEn, row.unit, row.baseline2022, row.target, row.comparator, row.source]),
    {
      conflict: `ON CONFLICT (code) DO UPDATE SET domain = EXCLUDED.domain, title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en, unit = EXCLUDED.unit,
        baseline = EXCLUDED.baseline, target = EXCLUDED.target, comparator = EXCLUDED.comparator, source = EXCLUDED.source`,
    },
  );
}

export async function seedReportedMeasurements(manager: EntityManager): Promise<number> {
  const rows = planData<PlanMeasurement[]>('reported-measurements.json').filter(
    (row) => row.domain === 'SECURITY' && !countedFromRows.has(row.indicator),
  );
  return bulkInsert(
    manager,
    'reported_measurement',
    ['indicator', 'period', 'domain', 'title_vi', 'title_en', 'unit', 'value', 'qualifier', 'source', 'synthetic'],
    rows.map((row) => [row.indicator, row.period, row.domain, row.titleVi, row.titleEn, row.unit, row.value, row.qualifier ?? null, row.source, row.synthetic]),
    {
      conflict: `ON CONFLICT (indicator, period) DO UPDATE SET title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en, unit = EXCLUDED.unit,
        value = EXCLUDED.value, qualifier = EXCLUDED.qualifier, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic`,
    },
  );
}
