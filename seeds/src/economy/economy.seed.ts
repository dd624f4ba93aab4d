import { economySubgraph } from '@ioc/economy';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import type { DomainSeed } from '../domain-seed';
import { provinceCode } from '../shared/units';
import { generateCommunityTeams, seedCommunityTeams } from './community-teams.seed';
import { generateProducts, seedProducts } from './ecommerce-products.seed';
import { generateRegistrations, seedRegistrations } from './einvoices.seed';
import { generateEnterprises, seedEnterprises } from './enterprises.seed';
import { seedIndicatorDefinitions, seedMeasurements } from './measurements.seed';
import { generateOcopProducts, seedOcopProducts } from './ocop-products.seed';
import { loadDistricts, type District } from './places';

/** Every synthetic row of the domain, generated deterministically (the same on every machine). */
export function generateEconomyData(districts: readonly District[] = loadDistricts()) {
  const taxCodes = new Set<string>();
  const enterprises = generateEnterprises(districts, taxCodes);
  const ocopProducts = generateOcopProducts(districts, enterprises);
  const products = generateProducts(enterprises, ocopProducts);
  const registrations = generateRegistrations(districts, enterprises, taxCodes);
  const teams = generateCommunityTeams(districts);
  return { enterprises, ocopProducts, products, registrations, teams };
}

async function seedUnitRefs(manager: EntityManager, districts: readonly District[]): Promise<number> {
  const rows: unknown[][] = [[provinceCode, 'Trà Vinh', 'PROVINCE', null, null]];
  for (const district of districts) {
    rows.push([district.code, district.name, 'DISTRICT', provinceCode, district.code]);
    for (const commune of district.communes) rows.push([commune.code, commune.name, 'COMMUNE', district.code, district.code]);
  }
  return bulkInsert(manager, 'unit_ref', ['code', 'name', 'level', 'parent_code', 'district_code'], rows, {
    conflict: 'ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, district_code = EXCLUDED.district_code',
  });
}

/**
 * Digital economy and society. The data set is small (about 5,400 rows), so both profiles load
 * all of it and every figure is exact in tests too.
 */
export const economySeed: DomainSeed = {
  name: 'economy',
  version: 3,
  subgraph: economySubgraph,
  async run(manager) {
    const districts = loadDistricts();
    const data = generateEconomyData(districts);
    return {
      units: await seedUnitRefs(manager, districts),
      enterprises: await seedEnterprises(manager, data.enterprises),
      ocopProducts: await seedOcopProducts(manager, data.ocopProducts),
      ecommerceProducts: await seedProducts(manager, data.products),
      eInvoiceRegistrations: await seedRegistrations(manager, data.registrations),
      communityTeams: await seedCommunityTeams(manager, data.teams),
      reportedMeasurements: await seedMeasurements(manager),
      indicatorDefinitions: await seedIndicatorDefinitions(manager),
    };
  },
};
