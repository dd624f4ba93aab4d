import { evaluateIndicator, type Indicator, IndicatorDefinitionRow, indicatorDefinitionOf, type SubgraphContext } from '@ioc/kit';

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

export const countsSql = `
  SELECT
    (SELECT count(*) FROM telecom_operator WHERE kind = 'TELECOM')::int AS "telecomOperators",
    (SELECT count(*) FROM telecom_operator WHERE kind = 'CABLE_TV')::int AS "cableTvOperators",
    (SELECT count(*) FROM bts_station)::int AS "btsStations",
    (SELECT count(*) FROM bts_station WHERE technologies @> ARRAY['LTE'])::int AS "lteStations",
    (SELECT count(*) FROM bts_station WHERE technologies @> ARRAY['NR'])::int AS "nrStations",
    (SELECT count(*) FROM bts_station WHERE status = 'DOWN')::int AS "btsDown",
    (SELECT count(*) FROM administrative_unit_ref WHERE level = 'COMMUNE')::int AS "communes",
    (SELECT count(*) FROM administrative_unit_ref WHERE level = 'COMMUNE' AND fibre)::int AS "communesWithFibre",
    (SELECT count(DISTINCT commune_code) FROM bts_station WHERE technologies @> ARRAY['LTE'] AND status <> 'DOWN')::int AS "communesWithLte",
    (SELECT count(*) FROM server WHERE status = 'ACTIVE')::int AS "servers",
    (SELECT count(*) FROM server WHERE status = 'ACTIVE' AND kind = 'PHYSICAL')::int AS "physicalServers",
    (SELECT count(*) FROM server WHERE status = 'ACTIVE' AND kind = 'VIRTUAL')::int AS "virtualServers",
    (SELECT count(*) FROM server WHERE status = 'ACTIVE' AND kind = 'PHYSICAL' AND health IN ('CRITICAL', 'OFFLINE'))::int AS "hostsFailing",
    (SELECT count(*) FROM network_connection WHERE status = 'CONNECTED')::int AS "agenciesConnected",
    (SELECT count(*) FROM network_connection WHERE sector = 'STATE')::int AS "stateAgencies",
    (SELECT count(*) FROM network_connection WHERE sector = 'STATE' AND status = 'CONNECTED')::int AS "stateAgenciesConnected",
    (SELECT count(*) FROM secured_lan)::int AS "securedLans",
    (SELECT count(*) FROM certificate WHERE status = 'ACTIVE')::int AS "activeCertificates",
    (SELECT count(*) FROM postal_point)::int AS "postalPoints",
    (SELECT count(*) FROM administrative_unit_ref WHERE level = 'COMMUNE' AND rural)::int AS "ruralCommunes",
    (SELECT count(DISTINCT p.commune_code) FROM postal_point p JOIN administrative_unit_ref u ON u.code = p.commune_code WHERE u.rural)::int
      AS "ruralCommunesWithPostalPoint"`;

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
