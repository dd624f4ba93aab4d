import { anyCaller, kitTypeAccess, Roles, type TypeAccess } from '@ioc/kit';

/**
 * docs/security.md's matrix for every security type, whatever path reaches it (type-rules.ts adds
 * the agency row guard). Counts of alerts are for dashboard readers and agency clients (their own);
 * anything about one alert, incident or server is need-to-know.
 */
export const securityTypeAccess: TypeAccess = {
  ...kitTypeAccess,
  ...Object.fromEntries(
    ['Agency', 'AgencySecurityCompliance', 'AlertConnection', 'IncidentConnection', 'FourLayerProtection', 'InformationSystem', 'SecurityLevelCount', 'SecurityProfile', 'SecurityProfileConnection'].map(
      (type) => [type, Roles.agencyScoped],
    ),
  ),
  ...Object.fromEntries(['AlertKindCount', 'AlertSeverityCount', 'AlertSourceCount', 'AlertStats', 'AlertStatusCount', 'Province', 'SecuritySummary'].map((type) => [type, Roles.dashboard])),
  'Agency.id': anyCaller,
  'InformationSystem.id': anyCaller,
  Alert: Roles.socDetail,
  'Alert.id': [...Roles.socDetail, 'ingest'],
  Incident: Roles.socDetail,
  RaiseAlertResult: Roles.alertRaise,
  // A server is infrastructure: which one has open alerts tells an attacker where to aim.
  Server: ['soc-analyst', 'admin'],
};
