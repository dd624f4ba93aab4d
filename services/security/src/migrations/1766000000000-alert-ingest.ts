import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingest from Wazuh and Suricata (issue 10): every source event is kept once (the key of
 * idempotence), alerts carry the rule, the severity's scale, the CVSS vector, ATT&CK ids and the
 * asset as the tool named it; an alert on a server nobody catalogued has no system or agency.
 */
export class AlertIngest1766000000000 implements MigrationInterface {
  name = 'AlertIngest1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE alert
        ADD COLUMN rule_id text,
        ADD COLUMN severity_scale text CHECK (severity_scale IN ('WAZUH_LEVEL', 'SURICATA_PRIORITY', 'CVSS', 'WORD')),
        ADD COLUMN cvss_vector text CHECK (cvss_vector ~ '^CVSS:[34]\\.[01]/'),
        ADD COLUMN mitre_techniques text[] NOT NULL DEFAULT '{}',
        ADD COLUMN mitre_tactics text[] NOT NULL DEFAULT '{}',
        ADD COLUMN asset_name text,
        ADD COLUMN asset_ip text,
        ALTER COLUMN system_id DROP NOT NULL,
        ALTER COLUMN agency_id DROP NOT NULL,
        ADD CHECK ((system_id IS NULL) = (agency_id IS NULL))`);
    await db.query('CREATE INDEX alert_mitre_techniques_idx ON alert USING gin (mitre_techniques)');
    await db.query('CREATE INDEX alert_mitre_tactics_idx ON alert USING gin (mitre_tactics)');
    // The catalogue team's list: alerts on hosts no monitored server matched.
    await db.query('CREATE INDEX alert_unknown_asset_idx ON alert (asset_name, asset_ip) WHERE server_id IS NULL AND system_id IS NULL');

    // One row per event a tool sent: a re-sent event hits the primary key and changes nothing.
    await db.query(`
      CREATE TABLE alert_event (
        source text NOT NULL CHECK (source IN ('NCSC', 'SOC', 'WAZUH', 'SURICATA')),
        source_event_id text NOT NULL CHECK (length(source_event_id) BETWEEN 1 AND 200),
        fingerprint text NOT NULL,
        observed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        suppressed_by text,
        PRIMARY KEY (source, source_event_id)
      )`);
    await db.query('CREATE INDEX alert_event_fingerprint_idx ON alert_event (fingerprint)');

    // What the tools call a server: Wazuh agents by name or address, Suricata by address.
    await db.query('ALTER TABLE monitored_server ADD COLUMN hostname text, ADD COLUMN ipv4 text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE monitored_server DROP COLUMN hostname, DROP COLUMN ipv4');
    await db.query('DROP TABLE alert_event');
    await db.query('DELETE FROM alert WHERE system_id IS NULL');
    await db.query(`
      ALTER TABLE alert
        DROP COLUMN rule_id, DROP COLUMN severity_scale, DROP COLUMN cvss_vector, DROP COLUMN mitre_techniques,
        DROP COLUMN mitre_tactics, DROP COLUMN asset_name, DROP COLUMN asset_ip,
        ALTER COLUMN system_id SET NOT NULL, ALTER COLUMN agency_id SET NOT NULL`);
  }
}
