import { defineSubgraph } from '@ioc/kit';
import { AdministrativeUnit } from './entities/administrative-unit.entity';
import { AdministrativeUnits1764150000000 } from './migrations/1764150000000-administrative-units';
import { provinceReference } from './references/province.reference';
import { ProvinceResolver } from './resolvers/province.resolver';

export const egovSubgraph = defineSubgraph({
  name: 'egov',
  dbSchema: 'egov',
  defaultPort: 4101,
  entities: [AdministrativeUnit],
  migrations: [AdministrativeUnits1764150000000],
  schema: {
    resolvers: [ProvinceResolver],
    orphanedTypes: [AdministrativeUnit],
    references: { ...provinceReference },
  },
});
