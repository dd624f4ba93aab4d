import { securitySubgraph } from '@ioc/security';
import type { DomainSeed } from '../domain-seed';

export const securitySeed: DomainSeed = {
  name: 'security',
  version: 1,
  subgraph: securitySubgraph,
  async run() {
    return {};
  },
};
