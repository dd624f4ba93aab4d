// Seeds egov (full) on a throwaway embedded PostgreSQL, starts the egov subgraph and runs every
// entry of tests/contract/figures.egov.json against it, plus a few timings. Not a test: a tool.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, startSubgraph } from '@ioc/kit';
import { asCaller, testGatewaySecret } from '@ioc/kit/testing';
import { startEmbeddedPostgres } from '@ioc/infra/embedded-postgres';
import { seedAll } from '@ioc/seeds';
import { egovSeed } from '../../../seeds/src/egov/egov.seed';
import { egovSubgraph } from '../src/subgraph';

const root = join(import.meta.dirname, '..', '..', '..');
const expected = Object.fromEntries(
  [...readFileSync(join(root, 'tests/contract/figures.e2e.ts'), 'utf8').matchAll(/'([\w.]+)': ([\d.]+),/g)].map((m) => [m[1], Number(m[2])]),
);
const entries = JSON.parse(readFileSync(join(root, 'tests/contract/figures.egov.json'), 'utf8')) as Array<{ figure: string; operation: string; variables: object; path: string }>;
const dir = mkdtempSync(join(tmpdir(), 'egov-figures-'));
const db = await startEmbeddedPostgres({ dir, port: 56432 + Math.floor(Math.random() * 1000), logger: createLogger('pg', 'warn') });
const profile = (process.argv[2] ?? 'full') as 'full' | 'small';
try {
  const url = db.url('postgres');
  const started = performance.now();
  await seedAll({ databaseUrl: url, profile, logger: createLogger('seeds', 'warn') }, [egovSeed]);
  console.log(`seed (${profile}): ${Math.round(performance.now() - started)} ms`);
  if (process.argv.includes('vacuum')) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM ANALYZE egov.dossier');
    await client.end();
    console.log('vacuumed');
  }
  const server = await startSubgraph(egovSubgraph, { port: 0, host: '127.0.0.1', databaseUrl: url, gatewayTokenSecret: testGatewaySecret, logger: createLogger('egov', 'warn') });
  const headers = { 'content-type': 'application/json', ...(await asCaller({ role: 'ioc-viewer' })) };
  const query = async (q: string, variables: object = {}) =>
    (await (await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query: q, variables }) })).json()) as Record<string, unknown>;
  let failures = 0;
  for (const entry of entries) {
    const result = await query(entry.operation, entry.variables);
    const value = entry.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], result);
    const ok = value === expected[entry.figure];
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${entry.figure} = ${JSON.stringify(value)} (expected ${expected[entry.figure]})${result.errors ? ' ' + JSON.stringify(result.errors) : ''}`);
  }
  const timings: Record<string, string> = {
    scorecard: '{ province(code: "84") { digitalGovernment { districts communes onlineServices overdueDossiers indicators { code actual status } } } }',
    drilldown: '{ dossierStatistics(year: 2022, parentCode: "84") { unitCode received online resolved onlineShare unit { name } } }',
    drilldownDistrict: '{ dossierStatistics(year: 2022, parentCode: "842") { unitCode received online } }',
    dossierPage: '{ dossiers(districtCode: "842", first: 50) { totalCount nodes { id receivedAt channel status } pageInfo { endCursor } } }',
    dossierPageAll: '{ dossiers(first: 50, receivedFrom: "2022-01-01", receivedTo: "2022-12-31") { totalCount nodes { id } } }',
    unitStats: '{ administrativeUnit(code: "84") { dossierStatistics(year: 2022) { received } children { code dossierStatistics(year: 2022) { received } } } }',
  };
  for (const [name, q] of Object.entries(timings)) {
    const first = await query(q);
    if (first.errors) console.log(name, JSON.stringify(first.errors));
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await query(q);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    console.log(`${name}: p50 ${samples[20]!.toFixed(1)} ms, p99 ${samples[39]!.toFixed(1)} ms`);
  }
  await server.close();
  console.log(failures ? `${failures} figure(s) wrong` : 'all figures right');
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
