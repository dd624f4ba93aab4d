import { periodEnd, rowBackedMeasurements } from '@ioc/economy';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

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

interface PlanIndicator {
  code: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  baseline2022: number | null;
  target: number;
  comparator: string;
  baselineNote?: string;
  source: string;
}

const domains = new Set(['DIGITAL_ECONOMY', 'DIGITAL_SOCIETY']);

/** The plan's digital economy and society totals, except those this subgraph counts from rows. */
export function economyMeasurements(): PlanMeasurement[] {
  return planData<PlanMeasurement[]>('reported-measurements.json').filter((m) => domains.has(m.domain) && !rowBackedMeasurements[m.indicator]);
}

export async function seedMeasurements(manager: EntityManager): Promise<number> {
  const rows = economyMeasurements().map((m) => {
    const end = periodEnd(m.period);
    if (!end) throw new Error(`reported measurement ${m.indicator} has an invalid period "${m.period}"`);
    return [m.indicator, m.period, end, m.domain, m.titleVi, m.titleEn, m.unit, m.value, m.qualifier ?? null, m.source, m.synthetic];
  });
  return bulkInsert(
    manager,
    'reported_measurement',
    ['indicator', 'period', 'period_end', 'domain', 'title_vi', 'title_en', 'unit', 'value', 'qualifier', 'source', 'synthetic'],
    rows,
  );
}

/** The 2023 targets of DIGITAL_ECONOMY and DIGITAL_SOCIETY, in the plan's order. */
export async function seedIndicatorDefinitions(manager: EntityManager): Promise<number> {
  const all = planData<PlanIndicator[]>('indicators.json');
  const rows = all
    .map((indicator, position) => ({ indicator, position }))
    .filter(({ indicator }) => domains.has(indicator.domain))
    .map(({ indicator: i, position }) => [
      i.code, i.domain, position, i.titleVi, i.titleEn, i.unit, i.baseline2022, i.target, i.comparator, i.baselineNote ?? null, i.source,
    ]);
  return bulkInsert(
    manager,
    'indicator_definition',
    ['code', 'domain', 'position', 'title_vi', 'title_en', 'unit', 'baseline', 'target', 'comparator', 'baseline_note', 'source'],
    rows,
    {
      conflict: `ON CONFLICT (code) DO UPDATE SET domain = EXCLUDED.domain, position = EXCLUDED.position, title_vi = EXCLUDED.title_vi,
        title_en = EXCLUDED.title_en, unit = EXCLUDED.unit, baseline = EXCLUDED.baseline, target = EXCLUDED.target,
        comparator = EXCLUDED.comparator, baseline_note = EXCLUDED.baseline_note, source = EXCLUDED.source`,
    },
  );
}
