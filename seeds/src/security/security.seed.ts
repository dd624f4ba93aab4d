import { securitySubgraph } from '@ioc/security';
import type { DomainSeed } from '../domain-seed';
import { buildMonitoredServers, scaleAlerts, seedAlerts, seedMonitoredServers } from './alerts.seed';
import { seedIndicators } from './indicators.seed';
import { buildProfiles, seedProfiles } from './profiles.seed';

/**
 * Security profiles of the 47 systems (21 approved), the SOC's monitored servers, the 421 alerts
 * of 2022 with their incidents, and the SECURITY indicators. The data is small, so both profiles
 * load all of it (`scale` multiplies the alerts and incidents, benchmarks only).
 */
export const securitySeed: DomainSeed = {
  name: 'security',
  version: 4,
  subgraph: securitySubgraph,
  async run(manager, { scale = 1 }) {
    const profiles = buildProfiles();
    const securityProfiles = await seedProfiles(manager, profiles);
    const monitoredServers = await seedMonitoredServers(manager, buildMonitoredServers());
    const { alerts, incidents } = await seedAlerts(manager, scaleAlerts(profiles, scale));
    const { indicatorDefinitions, reportedMeasurements } = await seedIndicators(manager);
    return { securityProfiles, monitoredServers, alerts, incidents, indicatorDefinitions, reportedMeasurements };
  },
};
