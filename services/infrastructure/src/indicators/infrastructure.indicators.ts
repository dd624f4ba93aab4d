import { evaluateIndicator, type Indicator, IndicatorDefinitionRow, indicatorDefinitionOf, type SubgraphContext } from '@ioc/kit';
import { countsSql } from '../sql/province-counts.sql';

/** Everything the domain's summary and indicators are computed from: one SQL query. */
export interface InfrastructureCounts {
  telecomOperators: number;
  cableTvOperators: number;
  btsStations: number;
  lteStations: number;
  nrStations: number;
  btsDown: number;
  communes: number;
  communesWithFibre: number;
  communesWithLte: number;
  servers: number;
  physicalServers: number;
  virtualServers: number;
  hostsFailing: number;
  agenciesConnected: number;
  stateAgencies: number;
  stateAgenciesConnected: number;
  securedLans: number;
  activeCertificates: number;
  postalPoints: number;
  ruralCommunes: number;
  ruralCommunesWithPostalPoint: number;
}


export async function infrastructureCounts(ctx: SubgraphContext): Promise<InfrastructureCounts> {
  const [row] = (await ctx.db.query(countsSql)) as InfrastructureCounts[];
  return row!;
}

const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/**
 * The live actual of each INFRASTRUCTURE indicator, computed from the rows; null where nothing
 * in this service measures it (officials' anti-virus, agencies' fibre Internet access).
 */
export function infrastructureActuals(counts: InfrastructureCounts): Record<string, number | null> {
  return {
    // Boolean: every active physical host of the data centre is neither critical nor offline.
    dataCentreOperational: counts.physicalServers > 0 ? (counts.hostsFailing === 0 ? 1 : 0) : null,
    officialsWithComputersAntivirusShare: null,
    agenciesFibreInternetShare: null,
    // Measured per agency (what the rows know): state agencies whose LAN is on the specialised network.
    lanComputersOnSpecialisedNetworkShare: share(counts.stateAgenciesConnected, counts.stateAgencies),
    communesFibreBroadbandShare: share(counts.communesWithFibre, counts.communes),
    communes4gCoverageShare: share(counts.communesWithLte, counts.communes),
    // Boolean: at least one station offers NR (5G).
    fiveGPilot: counts.nrStations > 0 ? 1 : 0,
  };
}

export async function infrastructureIndicators(ctx: SubgraphContext, counts: InfrastructureCounts): Promise<Indicator[]> {
  const definitions = await ctx.db.getRepository(IndicatorDefinitionRow).find({ order: { code: 'ASC' } });
  const actuals = infrastructureActuals(counts);
  return definitions.map((row) => evaluateIndicator(indicatorDefinitionOf(row), actuals[row.code] ?? null));
}
