import { anyCaller, kitTypeAccess, Roles, type AgencyRules, type TypeAccess } from '@ioc/kit';
import type { Alert } from '../entities/alert.entity';
import type { Incident } from '../entities/incident.entity';
import type { SecurityProfile } from '../entities/security-profile.entity';

/**
 * Which host has which alerts is need-to-know (analysts and admins); a dashboard may show how many
 * alerts are open on each server, not of which kind or severity.
 */
export const serverAlertReaders = ['soc-analyst', 'admin'] as const;

/**
 * docs/security.md's matrix for every security type, whatever path reaches it (securityAgencyRules
 * below adds the agency row rule). Counts of alerts are for dashboard readers and agency clients (their own);
 * anything about one alert, incident or server is need-to-know.
 */
export const securityTypeAccess: TypeAccess = {
  ...kitTypeAccess,
  ...Object.fromEntries(
    ['Agency', 'AgencySecurityCompliance', 'AlertConnection', 'IncidentConnection', 'FourLayerProtection', 'InformationSystem', 'SecurityLevelCount', 'SecurityProfile', 'SecurityProfileConnection'].map(
      (type) => [type, Roles.agencyScoped],
    ),
  ),
  ...Object.fromEntries(['AlertKindCount', 'AlertSeverityCount', 'AlertSourceCount', 'AlertStats', 'AlertStatusCount', 'OpenAlertCounts', 'Province', 'SecuritySummary'].map((type) => [type, Roles.dashboard])),
  'Agency.id': anyCaller,
  'InformationSystem.id': anyCaller,
  Alert: Roles.socDetail,
  'Alert.id': [...Roles.socDetail, 'ingest'],
  Incident: Roles.socDetail,
  RaiseAlertResult: Roles.alertRaise,
  SuppressionRule: Roles.socWrite,
  'SuppressionRule.id': Roles.alertRaise,
  SuppressionRuleConnection: Roles.socWrite,
  AlertTransition: Roles.socDetail,
  AlertComment: Roles.socDetail,
  WebhookDelivery: Roles.socWrite,
  WebhookDeliveryConnection: Roles.socWrite,
  ProtectionLayer: Roles.agencyScoped,
  ...Object.fromEntries(['SocReport', 'SocReportCount', 'SocDurationStats', 'SocAlertFigures', 'SocIncidentFigures', 'SocComplianceFigures'].map((type) => [type, Roles.socWrite])),
  IngestResult: Roles.ingest,
  IngestRejection: Roles.ingest,
  UnknownAsset: Roles.socWrite,
  Server: Roles.dashboard,
  'Server.alerts': serverAlertReaders,
};

/**
 * Alert and incident details are need-to-know (see securityTypeAccess); security profiles are a
 * compliance dashboard. An agency client reaching another agency's record gets FORBIDDEN naming
 * the field, whatever path reaches it (a list, `_entities`, a subscription, a nested field).
 */
export const securityAgencyRules: AgencyRules = {
  Alert: (alert: Alert) => alert.agencyId,
  Incident: (incident: Incident) => incident.agencyId,
  SecurityProfile: (profile: SecurityProfile) => profile.ownerAgencyId,
};
