import { AuditLog1765000000000, auditLogResolver, defineSubgraph, indicatorTables } from '@ioc/kit';
import { CommunityTeam } from './entities/community-team.entity';
import { EcommerceProduct } from './entities/ecommerce-product.entity';
import { EInvoiceRegistration } from './entities/einvoice-registration.entity';
import { Enterprise } from './entities/enterprise.entity';
import { OcopProduct } from './entities/ocop-product.entity';
import { AdministrativeUnitRef } from './entities/administrative-unit-ref.entity';
import { DigitalEconomy1764160000000 } from './migrations/1764160000000-digital-economy';
import { communityTeamReference } from './references/community-team.reference';
import { ecommerceProductReference } from './references/ecommerce-product.reference';
import { enterpriseReference } from './references/enterprise.reference';
import { ocopProductReference } from './references/ocop-product.reference';
import { AdministrativeUnitResolver } from './resolvers/administrative-unit.resolver';
import { CommunityTeamResolver } from './resolvers/community-team.resolver';
import { EcommerceProductResolver } from './resolvers/ecommerce-product.resolver';
import { EInvoiceRegistrationResolver } from './resolvers/einvoice.resolver';
import { EnterpriseResolver } from './resolvers/enterprise.resolver';
import { EconomyIndicatorSubscriptionResolver } from './resolvers/indicator-subscription.resolver';
import { MeasurementResolver } from './resolvers/measurement.resolver';
import { OcopProductResolver } from './resolvers/ocop-product.resolver';
import { ProvinceResolver } from './resolvers/province.resolver';
import { AdministrativeUnit } from './stubs/administrative-unit.stub';
import { Province } from './stubs/province.stub';
import { economyTypeAccess } from './auth/type-access';

export { rowBackedMeasurements } from './domain/row-backed';

export const economySubgraph = defineSubgraph({
  name: 'economy',
  dbSchema: 'economy',
  defaultPort: 4104,
  entities: [AdministrativeUnitRef, Enterprise, OcopProduct, EcommerceProduct, EInvoiceRegistration, CommunityTeam, ...indicatorTables.entities],
  migrations: [...indicatorTables.migrations, DigitalEconomy1764160000000, AuditLog1765000000000],
  schema: {
    resolvers: [
      ProvinceResolver,
      AdministrativeUnitResolver,
      EnterpriseResolver,
      EcommerceProductResolver,
      OcopProductResolver,
      CommunityTeamResolver,
      EInvoiceRegistrationResolver,
      MeasurementResolver,
      auditLogResolver('economy'),
      EconomyIndicatorSubscriptionResolver,
    ],
    orphanedTypes: [Province, AdministrativeUnit],
    references: { ...enterpriseReference, ...ocopProductReference, ...ecommerceProductReference, ...communityTeamReference },
    typeAccess: economyTypeAccess,
  },
});
