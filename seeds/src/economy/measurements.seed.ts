import { rowBackedMeasurements } from '@ioc/economy';
import type { EntityManager } from 'typeorm';
import { planMeasurements, seedIndicatorDefinitions as seedPlanIndicators, seedReportedMeasurements, type PlanMeasurement } from '../shared/indicators';

const domains = ['DIGITAL_ECONOMY', 'DIGITAL_SOCIETY'];

/** The plan's digital economy and society totals, except those this subgraph counts from rows. */
export function economyMeasurements(): PlanMeasurement[] {
  return planMeasurements(domains, (m) => rowBackedMeasurements[m.indicator] !== undefined);
}

export function seedMeasurements(manager: EntityManager): Promise<number> {
  return seedReportedMeasurements(manager, economyMeasurements());
}

/** The 2023 targets of DIGITAL_ECONOMY and DIGITAL_SOCIETY, in the plan's order. */
export function seedIndicatorDefinitions(manager: EntityManager): Promise<number> {
  return seedPlanIndicators(manager, domains);
}
