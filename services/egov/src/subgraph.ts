import { AuditLog1765000000000, auditLogResolver, defineSubgraph, indicatorTables } from '@ioc/kit';
import { AdministrativeProcedure } from './entities/administrative-procedure.entity';
import { AdministrativeUnit } from './entities/administrative-unit.entity';
import { Agency } from './entities/agency.entity';
import { Dossier } from './entities/dossier.entity';
import { Feedback } from './entities/feedback.entity';
import { InformationSystem } from './entities/information-system.entity';
import { OnlineService } from './entities/online-service.entity';
import { PlanProject } from './entities/plan-project.entity';
import { PlanTask } from './entities/plan-task.entity';
import { AdministrativeUnits1764150000000 } from './migrations/1764150000000-administrative-units';
import { EgovDomain1764160000000 } from './migrations/1764160000000-egov-domain';
import { DossierApplicant1765000000100 } from './migrations/1765000000100-dossier-applicant';
import { administrativeUnitReference } from './references/administrative-unit.reference';
import { agencyReference } from './references/agency.reference';
import { informationSystemReference } from './references/information-system.reference';
import { provinceReference } from './references/province.reference';
import { AdministrativeUnitResolver } from './resolvers/administrative-unit.resolver';
import { AgencyResolver } from './resolvers/agency.resolver';
import { DossierResolver, DossierStatisticsResolver } from './resolvers/dossier.resolver';
import { DossierSubscriptionResolver } from './resolvers/dossier-subscription.resolver';
import { FeedbackResolver } from './resolvers/feedback.resolver';
import { FeedbackSubscriptionResolver } from './resolvers/feedback-subscription.resolver';
import { EgovIndicatorSubscriptionResolver } from './resolvers/indicator-subscription.resolver';
import { InformationSystemResolver } from './resolvers/information-system.resolver';
import { AdministrativeProcedureResolver, OnlineServiceResolver } from './resolvers/online-service.resolver';
import { PlanProjectResolver, PlanTaskResolver } from './resolvers/plan.resolver';
import { DigitalGovernmentSummaryResolver, ProvinceResolver } from './resolvers/province.resolver';
import { egovAgencyRules, egovTypeAccess } from './auth/type-access';

export const egovSubgraph = defineSubgraph({
  name: 'egov',
  dbSchema: 'egov',
  defaultPort: 4101,
  entities: [AdministrativeUnit, Agency, InformationSystem, AdministrativeProcedure, OnlineService, Dossier, Feedback, PlanTask, PlanProject,
    ...indicatorTables.entities],
  migrations: [...indicatorTables.migrations, AdministrativeUnits1764150000000, EgovDomain1764160000000, AuditLog1765000000000, DossierApplicant1765000000100],
  schema: {
    resolvers: [
      ProvinceResolver,
      DigitalGovernmentSummaryResolver,
      AdministrativeUnitResolver,
      AgencyResolver,
      InformationSystemResolver,
      AdministrativeProcedureResolver,
      OnlineServiceResolver,
      DossierResolver,
      DossierStatisticsResolver,
      FeedbackResolver,
      PlanTaskResolver,
      PlanProjectResolver,
      auditLogResolver('egov'),
      DossierSubscriptionResolver,
      FeedbackSubscriptionResolver,
      EgovIndicatorSubscriptionResolver,
    ],
    orphanedTypes: [AdministrativeUnit, Agency, InformationSystem],
    references: { ...provinceReference, ...administrativeUnitReference, ...agencyReference, ...informationSystemReference },
    typeAccess: egovTypeAccess,
    agencyRules: egovAgencyRules,
  },
});
