import { anyCaller, kitTypeAccess, Roles, type AgencyRules, type TypeAccess } from '@ioc/kit';
import type { Dossier } from '../entities/dossier.entity';
import type { Feedback } from '../entities/feedback.entity';
import type { InformationSystem } from '../entities/information-system.entity';

/** docs/security.md's matrix for every egov type, whatever path reaches it. */
export const egovTypeAccess: TypeAccess = {
  ...kitTypeAccess,
  ...Object.fromEntries(
    ['AdministrativeProcedure', 'AdministrativeProcedureConnection', 'AdministrativeUnit', 'AdministrativeUnitConnection', 'Agency', 'AgencyConnection', 'OnlineService', 'OnlineServiceConnection'].map((type) => [type, anyCaller]),
  ),
  'AdministrativeUnit.dossierStatistics': Roles.agencyScoped,
  'Agency.informationSystems': Roles.agencyScoped,
  'Agency.planTasks': Roles.dashboard,
  ...Object.fromEntries(
    ['DigitalGovernmentSummary', 'PlanBudget', 'PlanProject', 'PlanProjectConnection', 'PlanTask', 'PlanTaskConnection', 'Province'].map((type) => [type, Roles.dashboard]),
  ),
  ...Object.fromEntries(
    ['Dossier', 'DossierApplicant', 'DossierConnection', 'DossierStatistics', 'Feedback', 'FeedbackConnection', 'InformationSystem', 'InformationSystemConnection'].map((type) => [type, Roles.agencyScoped]),
  ),
  // A feed reads back the id of what it sent, nothing more.
  'Dossier.id': [...Roles.agencyScoped, 'ingest'],
  'Feedback.id': [...Roles.agencyScoped, 'ingest'],
};

/**
 * Agency clients read only their own agency's systems, dossiers and feedback, whatever path
 * reaches a record: any field of another agency's record is FORBIDDEN, naming the field.
 * Citizens' personal data is masked by the field resolvers (domain/personal-data.ts).
 */
export const egovAgencyRules: AgencyRules = {
  InformationSystem: (system: InformationSystem) => system.ownerAgencyId,
  Dossier: (dossier: Dossier) => dossier.agencyId,
  Feedback: (feedback: Feedback) => feedback.agencyId,
};
