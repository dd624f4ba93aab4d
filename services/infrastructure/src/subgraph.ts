import { AuditLog1765000000000, auditLogResolver, defineSubgraph, indicatorTables } from '@ioc/kit';
import { AdministrativeUnitRef } from './entities/administrative-unit-ref.entity';
import { BtsStation } from './entities/bts-station.entity';
import { BtsStatusChange } from './entities/bts-status-change.entity';
import { Certificate } from './entities/certificate.entity';
import { InformationSystemRef } from './entities/information-system-ref.entity';
import { InternetDomain } from './entities/internet-domain.entity';
import { NetworkConnection } from './entities/network-connection.entity';
import { PostalPoint } from './entities/postal-point.entity';
import { SecuredLan } from './entities/secured-lan.entity';
import { Server } from './entities/server.entity';
import { ServerSystem } from './entities/server-system.entity';
import { TelecomOperator } from './entities/telecom-operator.entity';
import { Infrastructure1764160000000 } from './migrations/1764160000000-infrastructure';
import { BtsStationNameOrder1767000000000 } from './migrations/1767000000000-bts-station-name-order';
import { btsStationReference } from './references/bts-station.reference';
import { serverReference } from './references/server.reference';
import { telecomOperatorReference } from './references/telecom-operator.reference';
import { AdministrativeUnitResolver } from './resolvers/administrative-unit.resolver';
import { AgencyResolver } from './resolvers/agency.resolver';
import { BtsStationResolver } from './resolvers/bts-station.resolver';
import { BtsStationSubscriptionResolver } from './resolvers/bts-station-subscription.resolver';
import { CertificateResolver } from './resolvers/certificate.resolver';
import { InfrastructureIndicatorSubscriptionResolver } from './resolvers/indicator-subscription.resolver';
import { InformationSystemResolver } from './resolvers/information-system.resolver';
import { InternetDomainResolver } from './resolvers/internet-domain.resolver';
import { CertificateLinks, NetworkConnectionLinks, PostalPointLinks, SecuredLanLinks } from './resolvers/links.resolver';
import { NetworkResolver } from './resolvers/network.resolver';
import { PostalPointResolver } from './resolvers/postal-point.resolver';
import { ProvinceResolver } from './resolvers/province.resolver';
import { ServerResolver } from './resolvers/server.resolver';
import { ServerSubscriptionResolver } from './resolvers/server-subscription.resolver';
import { TelecomOperatorResolver } from './resolvers/telecom-operator.resolver';
import { AdministrativeUnit } from './stubs/administrative-unit.stub';
import { Agency } from './stubs/agency.stub';
import { InformationSystem } from './stubs/information-system.stub';
import { Province } from './stubs/province.stub';
import { infrastructureTypeAccess } from './auth/type-access';

export const infrastructureSubgraph = defineSubgraph({
  name: 'infrastructure',
  dbSchema: 'infrastructure',
  defaultPort: 4102,
  entities: [
    AdministrativeUnitRef,
    InformationSystemRef,
    TelecomOperator,
    BtsStation,
    BtsStatusChange,
    Server,
    ServerSystem,
    InternetDomain,
    NetworkConnection,
    SecuredLan,
    Certificate,
    PostalPoint,
    ...indicatorTables.entities,
  ],
  migrations: [...indicatorTables.migrations, Infrastructure1764160000000, AuditLog1765000000000, BtsStationNameOrder1767000000000],
  schema: {
    resolvers: [
      ProvinceResolver,
      TelecomOperatorResolver,
      BtsStationResolver,
      ServerResolver,
      NetworkResolver,
      CertificateResolver,
      PostalPointResolver,
      InternetDomainResolver,
      AdministrativeUnitResolver,
      AgencyResolver,
      InformationSystemResolver,
      NetworkConnectionLinks,
      SecuredLanLinks,
      CertificateLinks,
      PostalPointLinks,
      auditLogResolver('infrastructure'),
      BtsStationSubscriptionResolver,
      ServerSubscriptionResolver,
      InfrastructureIndicatorSubscriptionResolver,
    ],
    orphanedTypes: [Province, AdministrativeUnit, Agency, InformationSystem, TelecomOperator, BtsStation, Server],
    references: { ...serverReference, ...btsStationReference, ...telecomOperatorReference },
    typeAccess: infrastructureTypeAccess,
  },
});
