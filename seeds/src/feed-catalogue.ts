import { planDataCentre } from './infrastructure/data-centre.seed';
import { communeSites, btsCounts, mobileOperators } from './infrastructure/telecom.seed';
import { planBtsStations } from './infrastructure/bts-plan';
import { traVinhUnits } from './infrastructure/reference.seed';
import { communeWeights } from './egov/population';
import { buildCatalogue } from './egov/procedure-catalogue';
import { createRandom } from './random';

/**
 * What a live feed needs to address the seeded records by id (its `ingest` token may not list
 * servers or stations): the same plans, with the same seeds, that the seeds wrote.
 */
export function feedCatalogue() {
  const servers = planDataCentre(createRandom(840171)).map((s, index) => ({ id: s.id, hostname: s.hostname, kind: s.kind, systemCodes: s.systemCodes, index }));
  const stations = planBtsStations(communeSites(traVinhUnits()), mobileOperators, createRandom(841208), btsCounts).map((s) => ({
    id: s.id,
    districtCode: s.districtCode,
  }));
  const communes = communeWeights().map((c) => ({ code: c.code, districtCode: c.districtCode, weight: c.population, onlinePropensity: c.onlinePropensity }));
  const services = buildCatalogue().services.map((s) => ({ id: s.id, level: s.level, processingDays: s.processingDays, agencyId: s.agencyId }));
  return { servers, stations, communes, services };
}
export type FeedCatalogue = ReturnType<typeof feedCatalogue>;
