import { anyCaller, kitTypeAccess, Roles, type TypeAccess } from '@ioc/kit';

/**
 * docs/security.md's matrix for every infrastructure type, whatever path reaches it: the data
 * centre, networks and telecoms are a dashboard. Hostnames and addresses of servers are not for
 * agency clients (an alert's `server` leads here) nor for feeds, which read back only the id of
 * what they reported on and the state they reported.
 */
export const infrastructureTypeAccess: TypeAccess = {
  ...kitTypeAccess,
  ...Object.fromEntries(
    [
      'AdministrativeUnit', 'Agency', 'BtsStation', 'BtsStationConnection', 'BtsStatusChange', 'DigitalCertificate', 'DigitalCertificateConnection',
      'InformationSystem', 'InfrastructureSummary', 'InternetDomain', 'InternetDomainConnection', 'LteCoverage', 'NetworkConnection',
      'NetworkConnectionConnection', 'PostalPoint', 'PostalPointConnection', 'Province', 'SecuredLan', 'SecuredLanConnection', 'Server',
      'ServerConnection', 'ServerResources', 'SystemHosting', 'TelecomOperator', 'TelecomOperatorConnection',
    ].map((type) => [type, Roles.dashboard]),
  ),
  'AdministrativeUnit.code': anyCaller,
  'Agency.id': anyCaller,
  'InformationSystem.id': anyCaller,
  'Server.id': [...Roles.dashboard, 'ingest'],
  'Server.health': [...Roles.dashboard, 'ingest'],
  // serversAddedByIngest: a feed reads the ids of the servers it (or an earlier run) added.
  'ServerConnection.nodes': [...Roles.dashboard, 'ingest'],
  'ServerConnection.totalCount': [...Roles.dashboard, 'ingest'],
  'ServerConnection.pageInfo': [...Roles.dashboard, 'ingest'],
  'BtsStation.id': [...Roles.dashboard, 'ingest'],
  'BtsStation.status': [...Roles.dashboard, 'ingest'],
};
