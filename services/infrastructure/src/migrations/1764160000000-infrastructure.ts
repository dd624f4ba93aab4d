import { addDomainCheck, dropDomainCheck } from '@ioc/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The digital infrastructure domain: telecom, BTS, data centre, networks, certificates, IPv6, postal. */
export class Infrastructure1764160000000 implements MigrationInterface {
  name = 'Infrastructure1764160000000';

  async up(db: QueryRunner): Promise<void> {
    // Local copies of egov's keys that this service needs to place, filter and validate its rows.
    await db.query(`
      CREATE TABLE administrative_unit_ref (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_with_type text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        parent_code text REFERENCES administrative_unit_ref (code),
        district_code text,
        rural boolean NOT NULL,
        fibre boolean NOT NULL,
        search_name text NOT NULL,
        CHECK (level <> 'COMMUNE' OR district_code IS NOT NULL)
      )`);
    await db.query('CREATE INDEX administrative_unit_ref_parent_idx ON administrative_unit_ref (parent_code)');
    await db.query(`
      CREATE TABLE information_system_ref (
        id text PRIMARY KEY,
        name_en text NOT NULL,
        in_data_centre boolean NOT NULL
      )`);

    await db.query(`
      CREATE TABLE telecom_operator (
        id text PRIMARY KEY,
        name text NOT NULL,
        short_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TELECOM', 'CABLE_TV')),
        services text[] NOT NULL CHECK (cardinality(services) > 0 AND services <@ ARRAY['MOBILE', 'FIXED_BROADBAND', 'CABLE_TV']),
        search_name text NOT NULL,
        synthetic boolean NOT NULL
      )`);

    await db.query(`
      CREATE TABLE bts_station (
        id text PRIMARY KEY,
        name text NOT NULL,
        operator_id text NOT NULL REFERENCES telecom_operator (id),
        commune_code text NOT NULL REFERENCES administrative_unit_ref (code),
        district_code text NOT NULL REFERENCES administrative_unit_ref (code),
        technologies text[] NOT NULL CHECK (cardinality(technologies) > 0 AND technologies <@ ARRAY['GSM', 'UMTS', 'LTE', 'NR']),
        latitude double precision NOT NULL CHECK (latitude BETWEEN 9.5 AND 10.2),
        longitude double precision NOT NULL CHECK (longitude BETWEEN 105.8 AND 106.7),
        status text NOT NULL CHECK (status IN ('UP', 'DOWN', 'DEGRADED')),
        status_changed_at timestamptz NOT NULL,
        commissioned_on date NOT NULL,
        search_name text NOT NULL,
        synthetic boolean NOT NULL
      )`);
    await db.query('CREATE INDEX bts_station_district_idx ON bts_station (district_code, id)');
    await db.query('CREATE INDEX bts_station_commune_idx ON bts_station (commune_code, id)');
    await db.query('CREATE INDEX bts_station_operator_idx ON bts_station (operator_id)');
    await db.query('CREATE INDEX bts_station_status_idx ON bts_station (status)');
    await db.query('CREATE INDEX bts_station_technologies_idx ON bts_station USING gin (technologies)');
    await db.query(`
      CREATE TABLE bts_status_change (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL REFERENCES bts_station (id),
        from_status text NOT NULL,
        to_status text NOT NULL CHECK (to_status IN ('UP', 'DOWN', 'DEGRADED')),
        reason text,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX bts_status_change_station_idx ON bts_status_change (station_id, changed_at DESC)');

    await db.query(`
      CREATE TABLE server (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PHYSICAL', 'VIRTUAL')),
        hostname text NOT NULL,
        host_id text REFERENCES server (id),
        cpu_cores integer NOT NULL CHECK (cpu_cores > 0),
        memory_gb integer NOT NULL CHECK (memory_gb > 0),
        disk_gb integer NOT NULL CHECK (disk_gb > 0),
        ipv4 text NOT NULL,
        ipv6 text,
        health text NOT NULL CHECK (health IN ('HEALTHY', 'WARNING', 'CRITICAL', 'OFFLINE')),
        health_changed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'RETIRED')),
        commissioned_on date NOT NULL,
        retired_at timestamptz,
        search_name text NOT NULL,
        synthetic boolean NOT NULL,
        CHECK ((kind = 'VIRTUAL') = (host_id IS NOT NULL)),
        CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL))
      )`);
    await db.query('CREATE INDEX server_host_idx ON server (host_id)');
    await db.query('CREATE INDEX server_kind_status_idx ON server (kind, status)');
    await db.query(`CREATE UNIQUE INDEX server_active_ipv4_idx ON server (ipv4) WHERE status = 'ACTIVE'`);
    await db.query(`
      CREATE TABLE server_system (
        server_id text NOT NULL REFERENCES server (id),
        system_id text NOT NULL REFERENCES information_system_ref (id),
        PRIMARY KEY (server_id, system_id)
      )`);
    await db.query('CREATE INDEX server_system_system_idx ON server_system (system_id)');

    await db.query(`
      CREATE TABLE internet_domain (
        name text PRIMARY KEY,
        system_id text NOT NULL REFERENCES information_system_ref (id),
        ipv6_status text NOT NULL CHECK (ipv6_status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
        ipv6_plan text,
        search_name text NOT NULL,
        synthetic boolean NOT NULL
      )`);
    await db.query('CREATE INDEX internet_domain_system_idx ON internet_domain (system_id)');

    const agencyColumns = `
        agency_id text PRIMARY KEY,
        agency_name text NOT NULL,
        sector text NOT NULL CHECK (sector IN ('PARTY', 'STATE')),
        level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        unit_code text NOT NULL REFERENCES administrative_unit_ref (code),
        district_code text REFERENCES administrative_unit_ref (code),
        search_name text NOT NULL,`;
    await db.query(`
      CREATE TABLE network_connection (${agencyColumns}
        status text NOT NULL CHECK (status IN ('CONNECTED', 'DISCONNECTED')),
        bandwidth_mbps integer NOT NULL CHECK (bandwidth_mbps > 0),
        connected_on date NOT NULL,
        synthetic boolean NOT NULL
      )`);
    await db.query('CREATE INDEX network_connection_district_idx ON network_connection (district_code)');
    await db.query(`
      CREATE TABLE secured_lan (${agencyColumns}
        appliance text NOT NULL,
        installed_on date NOT NULL,
        synthetic boolean NOT NULL
      )`);

    await db.query(`
      CREATE TABLE certificate (
        id text PRIMARY KEY,
        serial text NOT NULL UNIQUE,
        agency_id text NOT NULL,
        agency_level text NOT NULL CHECK (agency_level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        kind text NOT NULL CHECK (kind IN ('ORGANIZATION', 'PERSONAL')),
        medium text NOT NULL CHECK (medium IN ('USB_TOKEN', 'SIM_PKI')),
        holder_role text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
        issued_on date NOT NULL,
        revoked_on date,
        synthetic boolean NOT NULL,
        CHECK ((status = 'REVOKED') = (revoked_on IS NOT NULL)),
        CHECK (revoked_on IS NULL OR revoked_on >= issued_on),
        CHECK (kind = 'PERSONAL' OR medium = 'USB_TOKEN')
      )`);
    await db.query('CREATE INDEX certificate_agency_idx ON certificate (agency_id)');
    await db.query('CREATE INDEX certificate_filter_idx ON certificate (status, kind, medium)');
    await db.query('CREATE INDEX certificate_issued_idx ON certificate (issued_on)');

    await db.query(`
      CREATE TABLE postal_point (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('POST_OFFICE', 'COMMUNE_POST_CULTURE', 'OTHER')),
        enterprise text NOT NULL,
        commune_code text NOT NULL REFERENCES administrative_unit_ref (code),
        district_code text NOT NULL REFERENCES administrative_unit_ref (code),
        search_name text NOT NULL,
        synthetic boolean NOT NULL
      )`);
    await db.query('CREATE INDEX postal_point_district_idx ON postal_point (district_code)');
    await db.query('CREATE INDEX postal_point_commune_idx ON postal_point (commune_code)');

    // The plan's indicator definitions and reported totals: the kit's tables, limited to this domain.
    await addDomainCheck(db, 'indicator_definition', ['INFRASTRUCTURE']);
    await addDomainCheck(db, 'reported_measurement', ['INFRASTRUCTURE']);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropDomainCheck(db, 'reported_measurement');
    await dropDomainCheck(db, 'indicator_definition');
    for (const table of [
      'postal_point',
      'certificate',
      'secured_lan',
      'network_connection',
      'internet_domain',
      'server_system',
      'server',
      'bts_status_change',
      'bts_station',
      'telecom_operator',
      'information_system_ref',
      'administrative_unit_ref',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
