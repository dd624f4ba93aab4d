import { defineSubgraph } from '@ioc/kit';
import { ProvinceResolver } from './resolvers/province.resolver';
import { Province } from './types/province.type';

export const securitySubgraph = defineSubgraph({
  name: 'security',
  dbSchema: 'security',
  defaultPort: 4103,
  entities: [],
  migrations: [],
  schema: {
    resolvers: [ProvinceResolver],
    orphanedTypes: [Province],
  },
});
