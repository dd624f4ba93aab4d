import type { EntityManager } from 'typeorm';
import { planMeasurements, seedIndicatorDefinitions, seedReportedMeasurements } from '../shared/indicators';

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

/** The SECURITY targets and the security totals not counted from rows. */
export async function seedIndicators(manager: EntityManager): Promise<{ indicatorDefinitions: number; reportedMeasurements: number }> {
  return {
    indicatorDefinitions: await seedIndicatorDefinitions(manager, ['SECURITY']),
    reportedMeasurements: await seedReportedMeasurements(manager, planMeasurements(['SECURITY'], (m) => countedFromRows.has(m.indicator))),
  };
}
