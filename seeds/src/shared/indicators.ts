import { periodEnd } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

/** One 2023 target of the plan, as seeds/data/indicators.json gives it. */
export interface PlanIndicator {
  code: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  baseline2022: number | null;
  target: number;
  comparator: string;
  qualitative?: boolean;
  baselineNote?: string;
  source: string;
}

/** One total the plan reports, as seeds/data/reported-measurements.json gives it. */
export interface PlanMeasurement {
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

/** The plan's reported totals of `domains`, except those the service counts from its own rows. */
export function planMeasurements(domains: readonly string[], countedFromRows: (m: PlanMeasurement) => boolean = () => false): PlanMeasurement[] {
  return planData<PlanMeasurement[]>('reported-measurements.json').filter((m) => domains.includes(m.domain) && !countedFromRows(m));
}

export interface IndicatorSeedOptions {
  /**
   * Indicators whose baseline is a 2022 total the plan reports elsewhere (indicator code →
   * measurement code): the baseline takes that value and names it in `baseline_source`.
   */
  baselineMeasurementOf?: Readonly<Record<string, string>>;
}

/**
 * The 2023 targets of `domains` into the service's `indicator_definition`, with their place in the
 * plan's table; the table mirrors the plan (changed targets are updated, dropped ones removed).
 */
export async function seedIndicatorDefinitions(manager: EntityManager, domains: readonly string[], options: IndicatorSeedOptions = {}): Promise<number> {
  const baselines = options.baselineMeasurementOf ?? {};
  const reported2022 = new Map(
    planData<PlanMeasurement[]>('reported-measurements.json')
      .filter((m) => m.period === '2022')
      .map((m) => [m.indicator, m]),
  );
  const indicators = planData<PlanIndicator[]>('indicators.json')
    .map((indicator, position) => ({ indicator, position }))
    .filter(({ indicator }) => domains.includes(indicator.domain));
  const rows = indicators.map(({ indicator: i, position }) => {
    const from = baselines[i.code];
    const baseline = from ? reported2022.get(from) : undefined;
    if (from && !baseline) throw new Error(`indicator ${i.code}: no 2022 measurement ${from}`);
    return [
      i.code, i.domain, position, i.titleVi, i.titleEn, i.unit, baseline?.value ?? i.baseline2022 ?? null,
      baseline ? `${baseline.indicator} (${baseline.source})` : null, i.baselineNote ?? null, i.target, i.comparator, i.qualitative ?? false, i.source,
    ];
  });
  await manager.query('DELETE FROM indicator_definition WHERE code <> ALL($1::text[])', [indicators.map(({ indicator }) => indicator.code)]);
  return bulkInsert(
    manager,
    'indicator_definition',
    ['code', 'domain', 'position', 'title_vi', 'title_en', 'unit', 'baseline', 'baseline_source', 'baseline_note', 'target', 'comparator', 'qualitative', 'source'],
    rows,
    {
      conflict: `ON CONFLICT (code) DO UPDATE SET domain = EXCLUDED.domain, position = EXCLUDED.position, title_vi = EXCLUDED.title_vi,
        title_en = EXCLUDED.title_en, unit = EXCLUDED.unit, baseline = EXCLUDED.baseline, baseline_source = EXCLUDED.baseline_source,
        baseline_note = EXCLUDED.baseline_note, target = EXCLUDED.target, comparator = EXCLUDED.comparator, qualitative = EXCLUDED.qualitative,
        source = EXCLUDED.source`,
    },
  );
}

/**
 * The plan's totals into the service's `reported_measurement`. A figure already stored for the
 * same indicator and period is kept: an operator may have recorded a correction since.
 */
export async function seedReportedMeasurements(manager: EntityManager, measurements: readonly PlanMeasurement[]): Promise<number> {
  const rows = measurements.map((m) => {
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
