import { defineSubgraph } from '@ioc/kit';
import { ProvinceResolver } from './resolvers/province.resolver';
import { Province } from './types/province.type';

export const economySubgraph = defineSubgraph({
  name: 'economy',
  dbSchema: 'economy',
  defaultPort: 4104,
  entities: [],
  migrations: [],
  schema: {
    resolvers: [ProvinceResolver],
    orphanedTypes: [Province],
  },
});
