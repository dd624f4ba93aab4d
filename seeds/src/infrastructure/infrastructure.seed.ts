import { infrastructureSubgraph } from '@ioc/infrastructure';
import type { DomainSeed } from '../domain-seed';
import { seedCertificates, seedNetworks } from './agency-links.seed';
import { seedDataCentre } from './data-centre.seed';
import { seedIndicators } from './indicators.seed';
import { seedPostal } from './postal.seed';
import { seedReferences, traVinhUnits } from './reference.seed';
import { seedTelecom } from './telecom.seed';

/** Digital infrastructure: the same data in every profile (about 4,500 rows). */
export const infrastructureSeed: DomainSeed = {
  name: 'infrastructure',
  version: 3,
  subgraph: infrastructureSubgraph,
  async run(manager) {
    const units = traVinhUnits();
    const references = await seedReferences(manager, units);
    return {
      administrativeUnits: references.units,
      informationSystems: references.systems,
      ...(await seedTelecom(manager, units)),
      ...(await seedDataCentre(manager)),
      ...(await seedNetworks(manager, units)),
      ...(await seedCertificates(manager)),
      ...(await seedPostal(manager, units)),
      ...(await seedIndicators(manager)),
    };
  },
};
