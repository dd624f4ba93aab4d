import { addDomainCheck, dropDomainCheck } from '@ioc/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Security1764200000000 implements MigrationInterface {
  name = 'Security1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE security_profile (
        system_id text PRIMARY KEY,
        owner_agency_id text NOT NULL,
        in_data_centre boolean NOT NULL,
        level integer CHECK (level BETWEEN 1 AND 5),
        approval_status text NOT NULL CHECK (approval_status IN ('APPROVED', 'PENDING', 'NOT_SUBMITTED')),
        approved_date date,
        decision_number text,
        last_inspection date,
        on_site_force boolean NOT NULL DEFAULT false,
        professional_monitoring boolean NOT NULL DEFAULT false,
        independent_inspection boolean NOT NULL DEFAULT false,
        ncsc_connected boolean NOT NULL DEFAULT false,
        synthetic boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((approval_status = 'APPROVED') = (approved_date IS NOT NULL)),
        CHECK (approval_status = 'NOT_SUBMITTED' OR level IS NOT NULL)
      )`);
    await db.query('CREATE INDEX security_profile_level_idx ON security_profile (level)');
    await db.query('CREATE INDEX security_profile_approval_status_idx ON security_profile (approval_status)');
    await db.query('CREATE INDEX security_profile_owner_agency_id_idx ON security_profile (owner_agency_id)');

    // The SOC's monitoring coverage: servers with an agent (Wazuh) or behind a sensor (Suricata).
    await db.query(`
      CREATE TABLE monitored_server (
        server_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('PHYSICAL', 'VIRTUAL')),
        host_id text,
        system_ids text[] NOT NULL DEFAULT '{}',
        synthetic boolean NOT NULL
      )`);

    await db.query(`
      CREATE TABLE incident (
        id text PRIMARY KEY,
        title text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        status text NOT NULL CHECK (status IN ('OPEN', 'CONTAINED', 'CLOSED')),
        system_id text,
        agency_id text,
        detected_at timestamptz NOT NULL,
        report_due_at timestamptz NOT NULL,
        reported_at timestamptz,
        closed_at timestamptz,
        synthetic boolean NOT NULL,
        CHECK (report_due_at > detected_at),
        CHECK (reported_at IS NULL OR reported_at >= detected_at),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    await db.query('CREATE INDEX incident_detected_at_idx ON incident (detected_at)');
    await db.query('CREATE INDEX incident_status_idx ON incident (status)');
    await db.query('CREATE INDEX incident_system_id_idx ON incident (system_id)');
    await db.query('CREATE INDEX incident_agency_id_idx ON incident (agency_id)');

    await db.query(`
      CREATE TABLE alert (
        sequence bigserial NOT NULL UNIQUE,
        id text GENERATED ALWAYS AS ('alert-' || sequence::text) STORED PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('VULNERABILITY', 'MALWARE', 'INTRUSION')),
        title text NOT NULL,
        description text,
        cve text CHECK (cve ~ '^CVE-[0-9]{4}-[0-9]{4,}$'),
        cvss_score double precision CHECK (cvss_score BETWEEN 0 AND 10),
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        raw_severity text NOT NULL,
        source text NOT NULL CHECK (source IN ('NCSC', 'SOC', 'WAZUH', 'SURICATA')),
        fingerprint text NOT NULL,
        occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'FALSE_POSITIVE')),
        assignee text,
        priority integer NOT NULL CHECK (priority BETWEEN 1 AND 20),
        server_id text,
        system_id text NOT NULL,
        agency_id text NOT NULL,
        incident_id text REFERENCES incident (id),
        acknowledged_at timestamptz,
        closed_at timestamptz,
        synthetic boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (last_seen >= first_seen),
        CHECK ((status IN ('RESOLVED', 'FALSE_POSITIVE')) = (closed_at IS NOT NULL))
      )`);
    // At most one open alert per fingerprint: a repeat bumps it (INSERT ... ON CONFLICT), even under concurrency.
    await db.query(
      `CREATE UNIQUE INDEX alert_open_fingerprint_idx ON alert (fingerprint) WHERE status IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING')`,
    );
    await db.query('CREATE INDEX alert_fingerprint_idx ON alert (fingerprint)');
    await db.query('CREATE INDEX alert_first_seen_idx ON alert (first_seen, sequence)');
    await db.query('CREATE INDEX alert_kind_first_seen_idx ON alert (kind, first_seen)');
    await db.query('CREATE INDEX alert_last_seen_idx ON alert (last_seen DESC, sequence DESC)');
    await db.query('CREATE INDEX alert_priority_idx ON alert (priority DESC, sequence DESC)');
    await db.query('CREATE INDEX alert_status_idx ON alert (status)');
    await db.query('CREATE INDEX alert_severity_idx ON alert (severity)');
    await db.query('CREATE INDEX alert_system_id_idx ON alert (system_id)');
    await db.query('CREATE INDEX alert_server_id_idx ON alert (server_id)');
    await db.query('CREATE INDEX alert_agency_id_idx ON alert (agency_id)');
    await db.query('CREATE INDEX alert_incident_id_idx ON alert (incident_id)');

    // The plan's indicator definitions and reported totals: the kit's tables, limited to this domain.
    await addDomainCheck(db, 'indicator_definition', ['SECURITY']);
    await addDomainCheck(db, 'reported_measurement', ['SECURITY']);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropDomainCheck(db, 'reported_measurement');
    await dropDomainCheck(db, 'indicator_definition');
    for (const table of ['alert', 'incident', 'monitored_server', 'security_profile']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
