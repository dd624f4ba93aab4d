import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildSubgraphSchemaOf, silentLogger, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { composeSupergraph } from '../src/compose';
import { labelsSubgraph } from './fixtures/labels.subgraph';
import { ticksSubgraph } from './fixtures/ticks.subgraph';
import { startGateway, type RunningGateway } from '../src/server';
import { testKeys } from './support';

const keys = testKeys();
let token: string;

let database: TestDatabase;
let running: RunningSubgraph[] = [];
let gateway: RunningGateway;
let dir: string;
const composable: Array<{ name: string; url: string; sdl: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresAdminUrl'), 'reload');
  for (const definition of [ticksSubgraph, labelsSubgraph]) {
    const server = await startSubgraph(definition, { port: 0, host: '127.0.0.1', databaseUrl: database.url, gatewayTokenSecret: keys.secrets.gatewayTokenSecret, logger: silentLogger });
    running.push(server);
    composable.push({ name: definition.name, url: server.url, sdl: (await buildSubgraphSchemaOf(definition)).sdl });
  }
  dir = mkdtempSync(join(tmpdir(), 'ioc-reload-'));
  token = await keys.tokenFor('ioc-viewer');
});

afterAll(async () => {
  await gateway?.close();
  for (const server of running) await server.close();
  running = [];
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const hasRootField = async (name: string) => {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name } } }' }),
  });
  const body = (await response.json()) as { data: { __type: { fields: Array<{ name: string }> } } };
  return body.data.__type.fields.some((field) => field.name === name);
};

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

it('serves the supergraph file, reloads it when it changes, and keeps the old graph when the new file is broken', async () => {
  const path = join(dir, 'supergraph.graphql');
  writeFileSync(path, composeSupergraph(composable.filter(({ name }) => name === 'ticks')));
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path, auth: keys.auth, logger: silentLogger });

  const health = await fetch(gateway.url.replace('/graphql', '/healthz'));
  expect(await health.json()).toEqual({ status: 'ok', service: 'gateway' });
  expect(await hasRootField('tickCount')).toBe(true);
  expect(await hasRootField('labelsVersion')).toBe(false);

  writeFileSync(path, composeSupergraph(composable));
  expect(await eventually(() => hasRootField('labelsVersion'))).toBe(true);

  writeFileSync(path, 'this is not a supergraph');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await hasRootField('labelsVersion')).toBe(true);
});
