import { anyCaller, kitTypeAccess, Roles, type TypeAccess } from '@ioc/kit';

/** docs/security.md's matrix for every economy type: a dashboard; feeds read back what identifies their measurement and its value. */
export const economyTypeAccess: TypeAccess = {
  ...kitTypeAccess,
  ...Object.fromEntries(
    [
      'AdministrativeUnit', 'CommunityTeam', 'CommunityTeamConnection', 'DigitalEconomySummary', 'DigitalSocietySummary', 'EInvoiceRegistration',
      'EInvoiceRegistrationConnection', 'EcommerceProduct', 'EcommerceProductConnection', 'Enterprise', 'EnterpriseConnection', 'OcopProduct',
      'OcopProductConnection', 'Province', 'UnitDigitalEconomyCounts',
    ].map((type) => [type, Roles.dashboard]),
  ),
  'AdministrativeUnit.code': anyCaller,
  'ReportedMeasurement.indicator': [...Roles.dashboard, 'ingest'],
  'ReportedMeasurement.period': [...Roles.dashboard, 'ingest'],
  'ReportedMeasurement.value': [...Roles.dashboard, 'ingest'],
};
