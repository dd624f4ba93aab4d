import { AuditLog1765000000000, auditLogResolver, defineSubgraph, indicatorTables } from '@ioc/kit';
import { Alert } from './entities/alert.entity';
import { Incident } from './entities/incident.entity';
import { MonitoredServer } from './entities/monitored-server.entity';
import { SecurityProfile } from './entities/security-profile.entity';
import { SuppressionRule } from './entities/suppression-rule.entity';
import { AlertComment } from './entities/alert-comment.entity';
import { AlertTransition } from './entities/alert-transition.entity';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { ProtectionLayerEvidence } from './entities/protection-layer-evidence.entity';
import { Security1764200000000 } from './migrations/1764200000000-security';
import { AlertIngest1766000000000 } from './migrations/1766000000000-alert-ingest';
import { Triage1766000100000 } from './migrations/1766000100000-triage';
import { Workflow1766000100001 } from './migrations/1766000100001-workflow';
import { Webhooks1766000100002 } from './migrations/1766000100002-webhooks';
import { Compliance1766000100003 } from './migrations/1766000100003-compliance';
import { alertReference } from './references/alert.reference';
import { incidentReference } from './references/incident.reference';
import { AgencyResolver } from './resolvers/agency.resolver';
import { AlertResolver } from './resolvers/alert.resolver';
import { AlertIngestResolver } from './resolvers/alert-ingest.resolver';
import { AlertSubscriptionResolver } from './resolvers/alert-subscription.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { OpenAlertCountsResolver } from './resolvers/open-alert-counts.resolver';
import { SecurityIndicatorSubscriptionResolver } from './resolvers/indicator-subscription.resolver';
import { InformationSystemResolver } from './resolvers/information-system.resolver';
import { ProvinceResolver } from './resolvers/province.resolver';
import { SecurityProfileResolver } from './resolvers/security-profile.resolver';
import { SecuritySummaryResolver } from './resolvers/security-summary.resolver';
import { ServerResolver } from './resolvers/server.resolver';
import { SuppressionRuleResolver } from './resolvers/suppression-rule.resolver';
import { AlertTriageResolver } from './resolvers/alert-triage.resolver';
import { IncidentMutationResolver } from './resolvers/incident-mutation.resolver';
import { IncidentSubscriptionResolver } from './resolvers/incident-subscription.resolver';
import { WebhookDeliveryResolver } from './resolvers/webhook-delivery.resolver';
import { ComplianceResolver } from './resolvers/compliance.resolver';
import { SocReportResolver } from './resolvers/soc-report.resolver';
import { webhookBackground } from './workers/webhook.worker';
import { Agency } from './stubs/agency.stub';
import { InformationSystem } from './stubs/information-system.stub';
import { Province } from './stubs/province.stub';
import { Server } from './stubs/server.stub';
import { securityAgencyRules, securityTypeAccess } from './auth/type-access';
import { mountIngestRoutes } from './routes/ingest.route';

export const securitySubgraph = defineSubgraph({
  name: 'security',
  dbSchema: 'security',
  defaultPort: 4103,
  entities: [SecurityProfile, MonitoredServer, Alert, Incident, SuppressionRule, AlertTransition, AlertComment, WebhookDelivery, ProtectionLayerEvidence, ...indicatorTables.entities],
  migrations: [...indicatorTables.migrations, Security1764200000000, AuditLog1765000000000, AlertIngest1766000000000, Triage1766000100000, Workflow1766000100001, Webhooks1766000100002, Compliance1766000100003],
  schema: {
    resolvers: [
      AlertResolver,
      IncidentResolver,
      SecurityProfileResolver,
      InformationSystemResolver,
      AgencyResolver,
      ServerResolver,
      ProvinceResolver,
      SecuritySummaryResolver,
      auditLogResolver('security'),
      AlertSubscriptionResolver,
      SecurityIndicatorSubscriptionResolver,
      OpenAlertCountsResolver,
      SuppressionRuleResolver,
      AlertTriageResolver,
      IncidentMutationResolver,
      IncidentSubscriptionResolver,
      WebhookDeliveryResolver,
      ComplianceResolver,
      SocReportResolver,
      AlertIngestResolver,
    ],
    orphanedTypes: [Province, InformationSystem, Agency, Server, Alert, Incident],
    references: { ...alertReference, ...incidentReference },
    typeAccess: securityTypeAccess,
    agencyRules: securityAgencyRules,
  },
  routes: mountIngestRoutes,
  background: webhookBackground,
});
