import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant of a dossier (personal data: name, citizen ID, phone), in its own table so that
 * the 288,374-row dossier table and its indexes stay as they are. Seeded dossiers have none;
 * dossiers received through `receiveDossier` may carry one.
 */
export class DossierApplicant1765000000100 implements MigrationInterface {
  name = 'DossierApplicant1765000000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dossier_applicant (
        dossier_id bigint PRIMARY KEY REFERENCES dossier (id) ON DELETE CASCADE,
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        id_number text CHECK (id_number ~ '^([0-9]{9}|[0-9]{12})$'),
        phone text CHECK (length(phone) <= 20)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE dossier_applicant');
  }
}
