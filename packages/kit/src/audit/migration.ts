import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of one subgraph, in the subgraph's own schema (every subgraph lists this
 * migration). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, whoever asks, so a
 * compromised resolver, a careless script or an operator's psql session cannot rewrite history.
 * Dropping the table (a migration going down) is still possible, and is itself a visible event.
 */
export class AuditLog1765000000000 implements MigrationInterface {
  name = 'AuditLog1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        operation text NOT NULL CHECK (operation <> ''),
        subject text NOT NULL,
        role text NOT NULL,
        agency_id text,
        client_ip text,
        request_id text,
        target_type text NOT NULL,
        target_ids text[] NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(changes) = 'object'),
        detail jsonb
      )`);
    await db.query('CREATE INDEX audit_log_at_idx ON audit_log (at)');
    await db.query('CREATE INDEX audit_log_subject_idx ON audit_log (subject, id)');
    await db.query('CREATE INDEX audit_log_operation_idx ON audit_log (operation, id)');
    await db.query('CREATE INDEX audit_log_target_idx ON audit_log USING gin (target_ids)');
    await db.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(
      'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
    );
    await db.query(
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
