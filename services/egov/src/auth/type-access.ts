import { anyCaller, kitTypeAccess, Roles, type TypeAccess } from '@ioc/kit';

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
