import type { EntityManager } from 'typeorm';
import { planMeasurements, seedIndicatorDefinitions, seedReportedMeasurements } from '../shared/indicators';

/**
 * Reported figures that this service's rows already count (stations, servers, links,
 * certificates, postal points, fibre and 4G reach): computed from the rows, never stored.
 */
export const rowBackedMeasurements = new Set([
  'telecom.operators',
  'telecom.cableTvOperators',
  'telecom.btsStations',
  'telecom.bts4gShare',
  'telecom.fibreCommunesShare',
  'infrastructure.communes4gCoverageShare',
  'postal.servicePoints',
  'postal.postOffices',
  'postal.communeCulturePoints',
  'postal.otherPoints',
  'postal.ruralCommunesWithPoint',
  'dataCentre.servers',
  'dataCentre.physicalServers',
  'dataCentre.virtualServers',
  'network.connectedAgencies',
  'network.connectedAgencies.party',
  'network.connectedAgencies.state',
  'network.connectedAgencies.province',
  'network.connectedAgencies.district',
  'network.connectedAgencies.commune',
  'certificates.revoked',
  'certificates.issued',
  'certificates.active',
  'certificates.active.organisation',
  'certificates.active.personal',
  'certificates.active.personalUsbToken',
  'certificates.active.personalSimPki',
]);

export async function seedIndicators(manager: EntityManager): Promise<{ indicators: number; reportedMeasurements: number }> {
  return {
    indicators: await seedIndicatorDefinitions(manager, ['INFRASTRUCTURE']),
    reportedMeasurements: await seedReportedMeasurements(manager, planMeasurements(['INFRASTRUCTURE'], (m) => rowBackedMeasurements.has(m.indicator))),
  };
}
