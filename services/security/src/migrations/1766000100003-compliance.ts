import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Compliance (issue 10): each of a system's four layers with the evidence it rests on and its date. */
export class Compliance1766000100003 implements MigrationInterface {
  name = 'Compliance1766000100003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE protection_layer_evidence (
        system_id text NOT NULL REFERENCES security_profile (system_id) ON DELETE CASCADE,
        layer text NOT NULL CHECK (layer IN ('ON_SITE_FORCE', 'PROFESSIONAL_MONITORING', 'INDEPENDENT_INSPECTION', 'NCSC_CONNECTED')),
        in_place boolean NOT NULL,
        evidence text NOT NULL CHECK (length(evidence) BETWEEN 3 AND 1000),
        evidenced_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system_id, layer)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE protection_layer_evidence');
  }
}
