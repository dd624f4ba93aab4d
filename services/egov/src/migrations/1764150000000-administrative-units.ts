import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdministrativeUnits1764150000000 implements MigrationInterface {
  name = 'AdministrativeUnits1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE administrative_unit (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_with_type text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        kind text NOT NULL,
        parent_code text REFERENCES administrative_unit (code),
        search_name text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await db.query('CREATE INDEX administrative_unit_parent_code_idx ON administrative_unit (parent_code)');
    await db.query('CREATE INDEX administrative_unit_search_name_idx ON administrative_unit (search_name)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE administrative_unit');
  }
}
