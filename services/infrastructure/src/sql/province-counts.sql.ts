/** The province summary's counts in one statement (also EXPLAINed by `npm run bench:reads`). */
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
