import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Suppression rules (issue 10, triage): what analysts mute, for how long, and how much it muted. */
export class Triage1766000100000 implements MigrationInterface {
  name = 'Triage1766000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE suppression_rule (
        sequence bigserial NOT NULL UNIQUE,
        id text GENERATED ALWAYS AS ('mute-' || sequence::text) STORED PRIMARY KEY,
        target text NOT NULL CHECK (target IN ('WAZUH_RULE', 'SURICATA_SIGNATURE', 'CVE')),
        value text NOT NULL,
        server_id text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        lifted_at timestamptz,
        lifted_by text,
        muted_count integer NOT NULL DEFAULT 0 CHECK (muted_count >= 0),
        last_muted_at timestamptz,
        CHECK (ends_at > starts_at),
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
      )`);
    // The matcher loads the rules still in force for a target value; expired ones are history.
    await db.query('CREATE INDEX suppression_rule_value_idx ON suppression_rule (target, value, ends_at) WHERE lifted_at IS NULL');
    await db.query('CREATE INDEX suppression_rule_ends_at_idx ON suppression_rule (ends_at DESC, sequence DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE suppression_rule');
  }
}
