import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { planData } from '../data';

interface IndicatorJson {
  code: string;
  domain: string;
  titleVi: string;
  titleEn: string;
  unit: string;
  baseline2022: number | null;
  target: number;
  comparator: string;
  qualitative?: boolean;
  source: string;
}

interface MeasurementJson {
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
  const indicators = planData<IndicatorJson[]>('indicators.json').filter((indicator) => indicator.domain === 'INFRASTRUCTURE');
  await bulkInsert(
    manager,
    'indicator_definition',
    ['code', 'domain', 'title_vi', 'title_en', 'unit', 'baseline', 'target', 'comparator', 'qualitative', 'source'],
    indicators.map((i) => [i.code, i.domain, i.titleVi, i.titleEn, i.unit, i.baseline2022, i.target, i.comparator, i.qualitative ?? false, i.source]),
    { conflict: 'ON CONFLICT (code) DO UPDATE SET title_vi = EXCLUDED.title_vi, title_en = EXCLUDED.title_en, baseline = EXCLUDED.baseline, target = EXCLUDED.target, comparator = EXCLUDED.comparator' },
  );
  const measurements = planData<MeasurementJson[]>('reported-measurements.json').filter(
    (m) => m.domain === 'INFRASTRUCTURE' && !rowBackedMeasurements.has(m.indicator),
  );
  await bulkInsert(
    manager,
    'reported_measurement',
    ['indicator', 'period', 'domain', 'title_vi', 'title_en', 'unit', 'value', 'qualifier', 'source', 'synthetic'],
    measurements.map((m) => [m.indicator, m.period, m.domain, m.titleVi, m.titleEn, m.unit, m.value, m.qualifier ?? null, m.source, m.synthetic]),
  );
  return { indicators: indicators.length, reportedMeasurements: measurements.length };
}
