import { type Indicator, IndicatorDefinitionRow, indicatorDefinitionOf, ReportedMeasurement } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { digitalEconomySources } from './digital-economy.indicators';
import { digitalSocietySources } from './digital-society.indicators';
import { changedIndicators, evaluateDomain, type IndicatorSource, type MeasurementPoint } from './sources';

export type EconomyDomain = 'DIGITAL_ECONOMY' | 'DIGITAL_SOCIETY';
export const economyDomains: readonly EconomyDomain[] = ['DIGITAL_ECONOMY', 'DIGITAL_SOCIETY'];

const sourcesOf: Record<EconomyDomain, Record<string, IndicatorSource[]>> = {
  DIGITAL_ECONOMY: digitalEconomySources,
  DIGITAL_SOCIETY: digitalSocietySources,
};

export async function loadMeasurementPoints(manager: EntityManager): Promise<MeasurementPoint[]> {
  const rows = await manager.getRepository(ReportedMeasurement).find({ select: { indicator: true, period: true, periodEnd: true, value: true } });
  return rows.map((row) => ({ indicator: row.indicator, period: row.period, periodEnd: String(row.periodEnd), value: row.value }));
}

/** Both domains' indicators with live actuals: two queries (definitions, measurements). */
export async function computeIndicators(manager: EntityManager, points?: MeasurementPoint[]): Promise<Record<EconomyDomain, Indicator[]>> {
  const definitions = await manager.getRepository(IndicatorDefinitionRow).find({ order: { position: 'ASC' } });
  const measured = points ?? (await loadMeasurementPoints(manager));
  const result = {} as Record<EconomyDomain, Indicator[]>;
  for (const domain of economyDomains) {
    const ofDomain = definitions
      .filter((row) => row.domain === domain)
      .map((row) => ({ ...indicatorDefinitionOf(row), domain: row.domain }));
    result[domain] = evaluateDomain(ofDomain, sourcesOf[domain], measured);
  }
  return result;
}

/** Runs a write and reports which indicators it moved (evaluated before and after, in the same transaction). */
export async function trackIndicatorChanges<T>(manager: EntityManager, write: () => Promise<T>): Promise<{ result: T; changed: string[] }> {
  const before = await computeIndicators(manager);
  const result = await write();
  const after = await computeIndicators(manager);
  const changed = economyDomains.flatMap((domain) => changedIndicators(before[domain], after[domain]));
  return { result, changed };
}
