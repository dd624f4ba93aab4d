import { economySubgraph } from '@ioc/economy';
import type { DomainSeed } from '../domain-seed';

export const economySeed: DomainSeed = {
  name: 'economy',
  version: 1,
  subgraph: economySubgraph,
  async run() {
    return {};
  },
};
