import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DatabaseUnavailableError } from '../src/database';
import { silentLogger } from '../src/logger';
import { startGraphQLServer } from '../src/server';
import { startSubgraph, type RunningSubgraph } from '../src/subgraph';
import { asCaller, createTestDatabase, testGatewaySecret, type TestDatabase } from '../src/testing';
import { tinySubgraph } from './fixtures/tiny.subgraph';
import { buildFederatedSchema } from '../src/schema';

const post = (url: string, query: string, variables?: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

describe('a subgraph on the kit', () => {
  let database: TestDatabase;
  let server: RunningSubgraph;
  beforeAll(async () => {
    database = await createTestDatabase(inject('postgresAdminUrl'), 'kit');
    server = await startSubgraph(tinySubgraph, { port: 0, host: '127.0.0.1', databaseUrl: database.url, gatewayTokenSecret: testGatewaySecret, logger: silentLogger });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it('answers /healthz and /readyz', async () => {
    const base = server.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', service: 'tiny' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', service: 'tiny' });
  });

  it('serves the federation subgraph spec: _service with its @key', async () => {
    const result = (await (await post(server.url, '{ _service { sdl } }', {}, await asCaller())).json()) as { data: { _service: { sdl: string } } };
    expect(result.data._service.sdl).toMatch(/type Tiny\s+@key\(fields: "id"\)/);
    expect(result.data._service.sdl).toMatch(/@link\(url: "https:\/\/specs.apollo.dev\/federation\/v2\.9"/);
  });

  it('refuses every direct call that did not come through the gateway, over HTTP and WebSocket', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Tiny", id: "t1" }]) { __typename } }', '{ tiny { id } }']) {
      const response = await post(server.url, query);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    const forged = await post(server.url, '{ tiny { id } }', {}, await asCaller({}, 'another-secret-that-is-long-enough-0123456789'));
    expect(forged.status).toBe(401);

    const socket = new WebSocket(server.url.replace('http', 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const [code, reason] = await new Promise<[number, string]>((resolve) => socket.once('close', (c, r) => resolve([c, r.toString()])));
    expect(code).toBe(4401);
    expect(reason).toMatch(/^Unauthorized: unauthenticated: subgraphs only answer requests that come through the gateway/);
  });

  it('closes a WebSocket whose message passes the body limit (1009) before reading it, token or not', async () => {
    const socket = new WebSocket(server.url.replace('http', 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    const code = await new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)));
    expect(code).toBe(1009);
  });

  it('sends no ETag: the gateway only POSTs, so hashing every answer would serve nobody', async () => {
    const response = await post(server.url, '{ tiny { id } }', {}, await asCaller());
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('serves graphql-ws on the same port and path', async () => {
    const { 'ioc-gateway-token': gatewayToken } = await asCaller();
    const client = createClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: { gatewayToken } });
    const ticks: number[] = [];
    await new Promise<void>((resolve, reject) =>
      client.subscribe<{ ticks: number }>(
        { query: 'subscription { ticks(count: 3) }' },
        { next: ({ data }) => void ticks.push(data!.ticks), error: reject, complete: resolve },
      ),
    );
    await client.dispose();
    expect(ticks).toEqual([1, 2, 3]);
  });
});

describe('graceful shutdown and readiness', () => {
  it('finishes requests in flight, then refuses new connections', async () => {
    const { schema } = await buildFederatedSchema(tinySubgraph.schema);
    const server = await startGraphQLServer({
      name: 'drain',
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      apollo: { schema },
      context: async () => ({}),
    });
    // A server that does not turn it off keeps express's ETag (the gateway's GETs may use it).
    expect((await post(server.url, '{ slow(ms: 1) }')).headers.get('etag')).toMatch(/^W\/"/);
    const inFlight = post(server.url, '{ slow(ms: 400) }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    const response = await inFlight;
    expect(await response.json()).toEqual({ data: { slow: 400 } });
    await closing;
    await expect(post(server.url, '{ slow(ms: 1) }')).rejects.toThrow();
  });

  it('reports not ready with the reason when its check fails', async () => {
    const { schema } = await buildFederatedSchema(tinySubgraph.schema);
    const server = await startGraphQLServer({
      name: 'unready',
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      apollo: { schema },
      context: async () => ({}),
      readiness: async () => {
        throw new Error('database down');
      },
    });
    const response = await fetch(server.url.replace('/graphql', '/readyz'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', service: 'unready', reason: 'database down' });
    await server.close();
  });

  it('fails with one clear line when the database is unreachable', async () => {
    const attempt = startSubgraph(tinySubgraph, { port: 0, databaseUrl: 'postgres://nobody:secret@127.0.0.1:1/none', gatewayTokenSecret: testGatewaySecret, logger: silentLogger });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/^database unreachable at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
  });
});
