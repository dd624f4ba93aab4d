import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks (issue 10): an outbox written in the transaction that caused the event, one
 * row per event and receiver (unique, so a rescan never notifies twice), delivered with retries.
 */
export class Webhooks1766000100002 implements MigrationInterface {
  name = 'Webhooks1766000100002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        event text NOT NULL CHECK (event IN ('alert.critical', 'incident.contain_breached', 'incident.resolve_breached', 'incident.report_due_soon')),
        subject_id text NOT NULL,
        url text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (event, subject_id, url),
        CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await db.query('CREATE INDEX webhook_delivery_status_idx ON webhook_delivery (status, id DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE webhook_delivery');
  }
}
