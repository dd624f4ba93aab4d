/**
 * Plan figures that this subgraph holds as rows and COUNTs: they are never stored as reported
 * measurements (the seed skips them, `recordMeasurement` refuses them).
 */
export const rowBackedMeasurements: Readonly<Record<string, string>> = {
  'economy.ictEnterprises': 'enterprises(sector: ICT) { totalCount }',
  'ecommerce.travinhtrade.enterprises': 'enterprises(onProvincialPlatform: true) { totalCount }',
  'ecommerce.travinhtrade.products': 'ecommerceProducts { totalCount }',
  'economy.ocopProducts': 'ocopProducts { totalCount }',
  'economy.ocopProductsOnEcommerce': 'ocopProducts(listed: true) { totalCount }',
  'economy.eInvoiceTaxCodes': 'einvoiceRegistrations { totalCount }',
  'community.teams': 'communityTeams { totalCount }',
  'community.members': 'communityTeams { totalMembers }',
  'community.districtsAndCommunesWithTeamsShare': 'province { digitalSociety { unitsWithTeamsShare } }',
};
