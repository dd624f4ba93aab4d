import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Triage workflow and incidents (issue 10): every status or assignee change of an alert is
 * recorded, alerts carry comments, and incidents carry their SLA deadlines (fixed when the
 * incident is opened, so a later change of the policy does not rewrite history).
 */
export class Workflow1766000100001 implements MigrationInterface {
  name = 'Workflow1766000100001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert_transition (
        id bigserial PRIMARY KEY,
        alert_id text NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        from_status text NOT NULL,
        to_status text NOT NULL,
        assignee text,
        actor text NOT NULL,
        note text CHECK (length(note) <= 2000),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX alert_transition_alert_id_idx ON alert_transition (alert_id, id)');
    await db.query(`
      CREATE TABLE alert_comment (
        id bigserial PRIMARY KEY,
        alert_id text NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        author text NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX alert_comment_alert_id_idx ON alert_comment (alert_id, id)');

    // Seeded (historical) incidents have no SLA deadlines: they predate the policy.
    await db.query(`
      ALTER TABLE incident
        ADD COLUMN contain_due_at timestamptz,
        ADD COLUMN resolve_due_at timestamptz,
        ADD COLUMN contained_at timestamptz,
        ADD COLUMN created_by text,
        ADD CONSTRAINT incident_sla_order CHECK (contain_due_at IS NULL OR resolve_due_at >= contain_due_at)`);
    await db.query('CREATE SEQUENCE incident_number_seq');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP SEQUENCE incident_number_seq');
    await db.query(`ALTER TABLE incident DROP CONSTRAINT incident_sla_order, DROP COLUMN contain_due_at, DROP COLUMN resolve_due_at, DROP COLUMN contained_at, DROP COLUMN created_by`);
    await db.query('DROP TABLE alert_comment');
    await db.query('DROP TABLE alert_transition');
  }
}
