import pg from 'pg';
import { buildCatalogue } from '../../../seeds/src/egov/procedure-catalogue';
import { generateDossiers, dossierTotals2022 } from '../../../seeds/src/egov/dossier-distribution';
import { communeWeights } from '../../../seeds/src/egov/population';
const c = new pg.Client({ connectionString: process.argv[2] });
await c.connect();
await c.query('SET search_path = egov');
const rows = generateDossiers({ year: 2022, totals: dossierTotals2022, services: buildCatalogue().services, communes: communeWeights() });
const cols = ['id','serviceId','procedureId','serviceLevel','agencyId','districtCode','communeCode','channel','status','receivedAt','dueAt','resolvedAt'] as const;
async function ins(table: string, chunk = 50000) {
  const t = performance.now();
  for (let s = 0; s < rows.id.length; s += chunk) {
    await c.query(`INSERT INTO ${table} (id, service_id, procedure_id, service_level, agency_id, district_code, commune_code, channel, status, received_at, due_at, resolved_at, synthetic)
      SELECT *, true FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])`,
      cols.map((k) => (rows[k] as unknown[]).slice(s, s + chunk)));
  }
  return Math.round(performance.now() - t);
}
await c.query('BEGIN');
await c.query('DELETE FROM dossier');
console.log('with everything', await ins('dossier'));
await c.query('ROLLBACK');
await c.query('CREATE TABLE d_plain (LIKE dossier INCLUDING DEFAULTS)');
console.log('plain table, no idx no fk', await ins('d_plain'));
await c.query('TRUNCATE d_plain');
await c.query('CREATE TABLE d_idx (LIKE dossier INCLUDING ALL)');
console.log('indexes+checks no fk', await ins('d_idx'));
let t = performance.now();
await c.query('TRUNCATE d_plain');
console.log('plain again', await ins('d_plain'));
t = performance.now();
await c.query(`CREATE INDEX ON d_plain (received_at) INCLUDE (district_code, commune_code, channel, status, service_level)`);
await c.query(`CREATE INDEX ON d_plain (district_code, received_at)`);
await c.query(`CREATE INDEX ON d_plain (commune_code, received_at)`);
await c.query(`CREATE INDEX ON d_plain (agency_id, received_at)`);
await c.query(`CREATE INDEX ON d_plain (service_id)`);
await c.query(`CREATE INDEX ON d_plain (procedure_id, channel)`);
await c.query(`ALTER TABLE d_plain ADD PRIMARY KEY (id)`);
console.log('index build after', Math.round(performance.now() - t));
t = performance.now();
await c.query(`ALTER TABLE d_plain ADD FOREIGN KEY (service_id) REFERENCES online_service(id), ADD FOREIGN KEY (commune_code) REFERENCES administrative_unit(code), ADD FOREIGN KEY (agency_id) REFERENCES agency(id)`);
console.log('fk validate after', Math.round(performance.now() - t));
await c.query('DROP TABLE d_plain; DROP TABLE d_idx');
await c.end();
