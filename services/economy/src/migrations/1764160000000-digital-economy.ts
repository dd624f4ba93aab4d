import { addDomainCheck, dropDomainCheck } from '@ioc/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const taxCode = `'^[0-9]{10}(-[0-9]{3})?$'`;

/**
 * The digital economy and society: enterprises, the provincial e-commerce platform, OCOP products,
 * e-invoice registrations, community digital technology teams, the plan's reported measurements
 * and the 2023 indicators of the DIGITAL_ECONOMY and DIGITAL_SOCIETY domains.
 */
export class DigitalEconomy1764160000000 implements MigrationInterface {
  name = 'DigitalEconomy1764160000000';

  async up(db: QueryRunner): Promise<void> {
    // Reference copy of the GSO codes (owned by egov) so filters can be validated and rolled up locally.
    await db.query(`
      CREATE TABLE unit_ref (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        parent_code text REFERENCES unit_ref (code),
        district_code text REFERENCES unit_ref (code),
        CHECK ((level = 'PROVINCE') = (district_code IS NULL))
      )`);
    await db.query('CREATE INDEX unit_ref_district_code_idx ON unit_ref (district_code)');

    await db.query(`
      CREATE TABLE enterprise (
        tax_code text PRIMARY KEY CHECK (tax_code ~ ${taxCode}),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        search_name text NOT NULL,
        legal_form text NOT NULL CHECK (legal_form IN ('LIMITED_LIABILITY', 'SINGLE_MEMBER_LIMITED_LIABILITY', 'JOINT_STOCK', 'PRIVATE_ENTERPRISE', 'COOPERATIVE')),
        sector text NOT NULL CHECK (sector IN ('ICT', 'AGRICULTURE', 'AQUACULTURE', 'FOOD_PROCESSING', 'HANDICRAFT', 'TRADE_SERVICES')),
        ict_activity text CHECK (ict_activity IN ('HARDWARE', 'SOFTWARE', 'IT_SERVICES', 'DIGITAL_CONTENT')),
        commune_code text NOT NULL REFERENCES unit_ref (code),
        district_code text NOT NULL REFERENCES unit_ref (code),
        founded_on date,
        employees integer CHECK (employees >= 0),
        platform_joined_on date,
        synthetic boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((sector = 'ICT') = (ict_activity IS NOT NULL))
      )`);
    await db.query('CREATE INDEX enterprise_sector_idx ON enterprise (sector)');
    await db.query('CREATE INDEX enterprise_commune_code_idx ON enterprise (commune_code)');
    await db.query('CREATE INDEX enterprise_district_code_idx ON enterprise (district_code)');
    await db.query('CREATE INDEX enterprise_on_platform_idx ON enterprise (platform_joined_on) WHERE platform_joined_on IS NOT NULL');
    await db.query('CREATE INDEX enterprise_search_name_idx ON enterprise (search_name)');

    await db.query(`
      CREATE TABLE ocop_product (
        id text PRIMARY KEY,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        search_name text NOT NULL,
        stars smallint NOT NULL CHECK (stars BETWEEN 3 AND 5),
        category text NOT NULL CHECK (category IN ('FOOD', 'BEVERAGE', 'HERBAL', 'TEXTILE', 'HANDICRAFT', 'RURAL_TOURISM')),
        producer_name text NOT NULL,
        producer_tax_code text REFERENCES enterprise (tax_code),
        commune_code text NOT NULL REFERENCES unit_ref (code),
        district_code text NOT NULL REFERENCES unit_ref (code),
        certified_year integer NOT NULL CHECK (certified_year BETWEEN 2018 AND 2100),
        national_platforms text[] NOT NULL DEFAULT '{}' CHECK (national_platforms <@ ARRAY['POSTMART', 'VOSO']::text[]),
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await db.query('CREATE INDEX ocop_product_district_code_idx ON ocop_product (district_code)');
    await db.query('CREATE INDEX ocop_product_producer_idx ON ocop_product (producer_tax_code)');

    await db.query('CREATE SEQUENCE ecommerce_product_seq');
    await db.query(`
      CREATE TABLE ecommerce_product (
        id text PRIMARY KEY DEFAULT ('TVT-' || lpad(nextval('ecommerce_product_seq')::text, 5, '0')),
        enterprise_tax_code text NOT NULL REFERENCES enterprise (tax_code),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        search_name text NOT NULL,
        category text NOT NULL CHECK (category IN ('OCOP', 'RURAL_INDUSTRIAL', 'AGRICULTURAL', 'FRUIT', 'AQUATIC', 'PROCESSED_FOOD', 'HANDICRAFT', 'OTHER')),
        ocop_product_id text REFERENCES ocop_product (id),
        price_vnd integer CHECK (price_vnd >= 0),
        sale_unit text,
        listed_on date NOT NULL,
        synthetic boolean NOT NULL DEFAULT false,
        UNIQUE (enterprise_tax_code, search_name),
        CHECK (ocop_product_id IS NULL OR category = 'OCOP')
      )`);
    await db.query('CREATE INDEX ecommerce_product_enterprise_idx ON ecommerce_product (enterprise_tax_code)');
    await db.query('CREATE INDEX ecommerce_product_category_idx ON ecommerce_product (category)');
    await db.query('CREATE INDEX ecommerce_product_ocop_idx ON ecommerce_product (ocop_product_id)');

    await db.query(`
      CREATE TABLE einvoice_registration (
        tax_code text PRIMARY KEY CHECK (tax_code ~ ${taxCode}),
        taxpayer_kind text NOT NULL CHECK (taxpayer_kind IN ('ENTERPRISE', 'HOUSEHOLD_BUSINESS', 'ORGANISATION')),
        commune_code text NOT NULL REFERENCES unit_ref (code),
        district_code text NOT NULL REFERENCES unit_ref (code),
        registered_on date NOT NULL,
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await db.query('CREATE INDEX einvoice_registration_district_idx ON einvoice_registration (district_code, registered_on)');
    await db.query('CREATE INDEX einvoice_registration_registered_on_idx ON einvoice_registration (registered_on)');

    await db.query(`
      CREATE TABLE community_team (
        id text PRIMARY KEY,
        name text NOT NULL,
        search_name text NOT NULL,
        level text NOT NULL CHECK (level IN ('DISTRICT', 'COMMUNE', 'HAMLET')),
        district_code text NOT NULL REFERENCES unit_ref (code),
        commune_code text REFERENCES unit_ref (code),
        hamlet text,
        members integer NOT NULL CHECK (members > 0),
        established_on date NOT NULL,
        synthetic boolean NOT NULL DEFAULT false,
        CHECK ((level = 'DISTRICT') = (commune_code IS NULL)),
        CHECK ((level = 'HAMLET') = (hamlet IS NOT NULL))
      )`);
    await db.query('CREATE INDEX community_team_district_idx ON community_team (district_code, level)');
    await db.query('CREATE INDEX community_team_commune_idx ON community_team (commune_code)');

    // The plan's reported totals and indicator definitions: the kit's tables, limited to these domains.
    await addDomainCheck(db, 'reported_measurement', ['DIGITAL_ECONOMY', 'DIGITAL_SOCIETY']);
    await addDomainCheck(db, 'indicator_definition', ['DIGITAL_ECONOMY', 'DIGITAL_SOCIETY']);
  }

  async down(db: QueryRunner): Promise<void> {
    await dropDomainCheck(db, 'indicator_definition');
    await dropDomainCheck(db, 'reported_measurement');
    for (const table of ['community_team', 'einvoice_registration', 'ecommerce_product', 'ocop_product', 'enterprise', 'unit_ref']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query('DROP SEQUENCE ecommerce_product_seq');
  }
}
