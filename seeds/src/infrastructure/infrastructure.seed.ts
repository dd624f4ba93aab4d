import { infrastructureSubgraph } from '@ioc/infrastructure';
import type { DomainSeed } from '../domain-seed';

export const infrastructureSeed: DomainSeed = {
  name: 'infrastructure',
  version: 1,
  subgraph: infrastructureSubgraph,
  async run() {
    return {};
  },
};
