import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The BTS page by district sorted by name (the IOC's station list: `btsStations(districtCode:,
 * sort: NAME_ASC)`) reads its first rows in index order instead of sorting the district's
 * stations on every request (EXPLAIN in `npm run bench:reads`: top-N heapsort of 161 rows).
 */
export class BtsStationNameOrder1767000000000 implements MigrationInterface {
  name = 'BtsStationNameOrder1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX bts_station_district_name_idx ON bts_station (district_code, name, id)');
    await db.query('CREATE INDEX bts_station_commune_name_idx ON bts_station (commune_code, name, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX bts_station_commune_name_idx');
    await db.query('DROP INDEX bts_station_district_name_idx');
  }
}
