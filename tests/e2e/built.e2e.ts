import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { devIssuer, generateDevSecrets, signDevToken } from '@ioc/gateway/dev-keys';
import { buildPackages, repoRoot, startBuiltGateway, startBuiltSubgraph, type BuiltProcess } from '../support/built';
import { replicaSuite } from './replicas';

// The production path: `npm run build`, then node on dist/ with no TypeScript loader. Decorator
// metadata and import order differ from tsx's and vitest's, so only running the built files
// shows the built server boots (issue 12; ARCHITECTURE §7).
const secrets = generateDevSecrets();
const databases: TestDatabase[] = [];
const processes: BuiltProcess[] = [];
let gateway: BuiltProcess;

beforeAll(async () => {
  buildPackages(['@ioc/gateway', '@ioc/egov', '@ioc/infrastructure', '@ioc/security', '@ioc/economy']);
  const urls: Record<string, string> = {};
  await Promise.all(
    ['egov', 'infrastructure'].map(async (name) => {
      const database = await createTestDatabase(inject('postgresAdminUrl'), `built_${name}`, inject('seededDatabases')[name]);
      databases.push(database);
      const subgraph = await startBuiltSubgraph(name, database.url, secrets);
      processes.push(subgraph);
      urls[name] = `${subgraph.url}/graphql`;
    }),
  );
  gateway = await startBuiltGateway(secrets, devIssuer, urls);
  processes.push(gateway);
}, 600_000);

afterAll(async () => {
  for (const running of processes.splice(0).reverse()) await running.stop();
  for (const database of databases.splice(0)) await database.drop();
});

describe('the built gateway and subgraphs', () => {
  it('answer a query planned across two subgraphs', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signDevToken(secrets, 'ioc-viewer')}` },
      body: JSON.stringify({ query: '{ informationSystems(first: 50) { totalCount nodes { id nameEn hosting { servers { id } } } } }' }),
    });
    const body = (await response.json()) as {
      errors?: unknown[];
      data: { informationSystems: { totalCount: number; nodes: Array<{ id: string; hosting: { servers: Array<{ id: string }> } }> } };
    };
    expect(body.errors).toBeUndefined();
    const systems = body.data.informationSystems;
    expect(systems.totalCount).toBeGreaterThan(0);
    // nameEn comes from egov, hosting from infrastructure: the query planner joined both.
    expect(systems.nodes.some((system) => system.hosting.servers.length > 0)).toBe(true);
  });

  it('migrate an empty database with `<entry> migrate` (the Kubernetes Job) and exit, twice over', async () => {
    const database = await createTestDatabase(inject('postgresAdminUrl'), 'built_migrate');
    databases.push(database);
    const migrate = () =>
      spawnSync(process.execPath, ['--conditions=built', join(repoRoot, 'services/infrastructure/dist/index.js'), 'migrate'], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    for (const run of [migrate(), migrate()]) {
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/migrations up to date.*"applied":[1-9]/);
    }
  });

  it('drain and exit 0 on SIGTERM', async () => {
    const stopped: Array<{ name: string; code: number | null; output: string }> = [];
    for (const running of processes.splice(0).reverse()) stopped.push({ name: running.name, code: await running.stop(), output: running.output() });
    expect(stopped).toHaveLength(3);
    for (const { name, code, output } of stopped) expect(code, `${name} exited with ${code}:\n${output}`).toBe(0);
  });
});

replicaSuite();
