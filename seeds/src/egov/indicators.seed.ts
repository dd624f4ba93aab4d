import type { EntityManager } from 'typeorm';
import { baselineMeasurementOf } from '@ioc/egov/baselines';
import { planMeasurements, seedIndicatorDefinitions, seedReportedMeasurements, type PlanMeasurement } from '../shared/indicators';

/** The domains this service measures; the plan-wide sections (awareness, budget) live here too. */
export const egovIndicatorDomains = ['DIGITAL_GOVERNMENT', 'DATA_PLATFORMS', 'WORKFORCE'];
export const egovMeasurementDomains = [...egovIndicatorDomains, 'DIGITAL_AWARENESS', 'BUDGET'];

/**
 * Totals that are rows here are counted from the rows (services, procedures, dossiers, the 2022
 * spend from the project rows), so the plan's copies of them are not stored.
 */
export function isCountedFromRows(m: PlanMeasurement): boolean {
  return (m.indicator.startsWith('publicServices.') && m.unit === 'count') || m.indicator === 'budget.spend2022';
}

/**
 * The plan's e-government totals and the targets of the three domains; where the plan gives a
 * 2022 value for a 2023 target, the indicator's baseline is that reported value.
 */
export async function seedIndicators(manager: EntityManager): Promise<{ measurements: number; indicators: number }> {
  const measurements = await seedReportedMeasurements(manager, planMeasurements(egovMeasurementDomains, isCountedFromRows));
  const indicators = await seedIndicatorDefinitions(manager, egovIndicatorDomains, { baselineMeasurementOf });
  return { measurements, indicators };
}
