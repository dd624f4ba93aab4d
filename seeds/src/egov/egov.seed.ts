import { egovSubgraph } from '@ioc/egov';
import type { DomainSeed } from '../domain-seed';
import { seedAdministrativeUnits } from './administrative-units.seed';

export const egovSeed: DomainSeed = {
  name: 'egov',
  version: 1,
  subgraph: egovSubgraph,
  async run(manager) {
    return { administrativeUnits: await seedAdministrativeUnits(manager) };
  },
};
