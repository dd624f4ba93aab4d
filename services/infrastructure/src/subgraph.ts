import { defineSubgraph } from '@ioc/kit';
import { ProvinceResolver } from './resolvers/province.resolver';
import { Province } from './types/province.type';

export const infrastructureSubgraph = defineSubgraph({
  name: 'infrastructure',
  dbSchema: 'infrastructure',
  defaultPort: 4102,
  entities: [],
  migrations: [],
  schema: {
    resolvers: [ProvinceResolver],
    orphanedTypes: [Province],
  },
});
