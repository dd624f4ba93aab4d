import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client as UrqlClient, cacheExchange, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { parse } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '@ioc/infra/schemas';
import { startStack, type Stack } from '../support/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'gateway', 'persisted-operations.json'), 'utf8')) as { operations: Array<{ name: string; body: string }> };
const bodyOf = (name: string) => manifest.operations.find((operation) => operation.name === name)!.body;

let stack: Stack;
let agencyId = '';
let token = '';

/** A fetch that records what a client library sent (method, and whether the text went along). */
function recordingFetch(sent: Array<{ method: string; withText: boolean; url: string }>): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init?.method ?? 'GET';
    const withText = method === 'GET' ? new URL(url).searchParams.has('query') : String(init?.body ?? '').includes('"query"');
    sent.push({ method, withText, url });
    return fetch(input, init);
  };
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  const db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  try {
    agencyId = (await db.query<{ agency: string }>(`SELECT owner_agency_id AS agency FROM security.alert a JOIN security.security_profile p USING (system_id) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]!.agency;
  } finally {
    await db.end();
  }
  token = await stack.tokenFor('agency-client', agencyId);
});

afterAll(async () => {
  await stack?.stop();
});

describe("Apollo Client's persisted-query link, unchanged", () => {
  const client = (options: { useGETForHashedQueries?: boolean }, sent: Array<{ method: string; withText: boolean; url: string }>) =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink({ sha256, ...options }),
        new HttpLink({ uri: stack.gateway.url, headers: { authorization: `Bearer ${token}` }, fetch: recordingFetch(sent) }),
      ]),
    });

  it.each([
    { how: 'POST (its default)', useGETForHashedQueries: false, method: 'POST' },
    { how: 'GET (useGETForHashedQueries)', useGETForHashedQueries: true, method: 'GET' },
  ])('runs an agency operation by hash alone on the first request, $how', async ({ useGETForHashedQueries, method }) => {
    const sent: Array<{ method: string; withText: boolean; url: string }> = [];
    const result = await client({ useGETForHashedQueries }, sent).query({ query: parse(bodyOf('MyOpenAlerts')), variables: { first: 5 } });
    const alerts = (result.data as { alerts: { totalCount: number; nodes: Array<{ __typename: string; sequence: string }> } }).alerts;
    expect(alerts.totalCount).toBeGreaterThan(0);
    expect(alerts.nodes[0]).toMatchObject({ __typename: 'Alert', sequence: expect.stringMatching(/^\d+$/) });
    expect(sent).toEqual([expect.objectContaining({ method, withText: false })]);
  });

  it('a document not on the list: one retry with the text, then PERSISTED_QUERY_NOT_ALLOWED, no loop', async () => {
    const sent: Array<{ method: string; withText: boolean; url: string }> = [];
    // Apollo Client rejects on a 400 with a ServerError carrying the body.
    const refused = await client({}, sent)
      .query({ query: parse('query Sneaky { alerts(first: 5) { nodes { id description } } }') })
      .then(
        () => undefined,
        (error: { statusCode?: number; bodyText?: string }) => error,
      );
    expect(refused?.statusCode).toBe(400);
    expect((JSON.parse(refused?.bodyText ?? '{}') as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    expect(sent.map((request) => request.withText)).toEqual([false, true]);
  });
});

describe("urql's persisted exchange, unchanged", () => {
  it('runs an agency operation over GET (its default) with the cache exchange adding __typename', async () => {
    const sent: Array<{ method: string; withText: boolean; url: string }> = [];
    const client = new UrqlClient({
      url: stack.gateway.url,
      exchanges: [cacheExchange, persistedExchange(), fetchExchange],
      fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      fetch: recordingFetch(sent),
    });
    const result = await client.query(parse(bodyOf('MyIncidents')), { first: 5 }).toPromise();
    expect(result.error).toBeUndefined();
    expect((result.data as { incidents: { __typename: string } }).incidents.__typename).toBe('IncidentConnection');
    // one GET with the hash alone: urql's printed text with __typename is a hash the gateway knows
    expect(sent).toEqual([expect.objectContaining({ method: 'GET', withText: false })]);
  });

  it('enforcePersistedQueries with a document not on the list: PERSISTED_QUERY_NOT_FOUND, never a loop', async () => {
    const sent: Array<{ method: string; withText: boolean; url: string }> = [];
    const client = new UrqlClient({
      url: stack.gateway.url,
      exchanges: [persistedExchange({ enforcePersistedQueries: true }), fetchExchange],
      fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      fetch: recordingFetch(sent),
    });
    const result = await client.query(parse('query Sneaky { alerts(first: 5) { totalCount } }'), {}).toPromise();
    expect(result.error?.graphQLErrors.map((error) => error.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(sent).toHaveLength(1);
  });
});

describe('persisted operations over plain HTTP', () => {
  const hash = () => sha256(bodyOf('MyOpenAlerts'));

  it('documentId with the sha256: prefix, POST and GET', async () => {
    const posted = await post({ documentId: `sha256:${hash()}`, variables: { first: 3 } });
    expect(posted.body.errors).toBeUndefined();
    const search = new URLSearchParams({ documentId: `sha256:${hash()}`, variables: JSON.stringify({ first: 3 }) });
    const got = await fetch(`${stack.gateway.url}?${search}`, { headers: { authorization: `Bearer ${token}` } });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(posted.body);
  });

  it('a persistedQuery without version: 400 BAD_REQUEST saying so, without a stack trace', async () => {
    const refused = await post({ extensions: { persistedQuery: { sha256Hash: hash() } }, variables: { first: 3 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ message: expect.stringContaining('version: required'), extensions: { code: 'BAD_REQUEST' } }]);
    const asViewer = await post({ query: '{ __typename }', extensions: { persistedQuery: { sha256Hash: sha256('{ __typename }') } } }, { authorization: `Bearer ${await stack.tokenFor('ioc-viewer')}` });
    expect(asViewer.status).toBe(400);
    expect(asViewer.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
  });

  it('the three refusals have three codes', async () => {
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    const notAllowed = await post({ query: '{ alerts { totalCount } }' });
    const mismatch = await post({ query: '{ alerts { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: hash() } } });
    expect([unknown, notAllowed, mismatch].map((result) => [result.status, result.body.errors?.[0]?.extensions?.code])).toEqual([
      [400, 'PERSISTED_QUERY_NOT_FOUND'],
      [400, 'PERSISTED_QUERY_NOT_ALLOWED'],
      [400, 'PERSISTED_QUERY_HASH_MISMATCH'],
    ]);
  });

  it('every answer carries the caller’s RateLimit headers, refusals too', async () => {
    for (const answer of [await post({ documentId: hash(), variables: { first: 1 } }), await post({ query: '{ alerts { totalCount } }' })]) {
      expect(answer.headers.get('ratelimit-limit')).toBe('1200');
      expect(answer.headers.get('ratelimit-policy')).toBe('1200;w=60');
      // this request took one of the 1,200: at most 1,199 remain, and the bucket refills within a minute
      expect(Number(answer.headers.get('ratelimit-remaining'))).toBeLessThanOrEqual(1199);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    }
  });
});

describe('the catalogue: GET /persisted-operations', () => {
  const catalogueUrl = () => new URL('/persisted-operations', stack.gateway.url);

  it('needs a token', async () => {
    const response = await fetch(catalogueUrl());
    expect(response.status).toBe(401);
  });

  it('lists every agreed operation with its hash, body and variables, the live streams included', async () => {
    const response = await fetch(catalogueUrl(), { headers: { authorization: `Bearer ${token}` } });
    const { operations } = (await response.json()) as { operations: Array<{ name: string; kind: string; hash: string; documentId: string; body: string; variables: unknown[] }> };
    expect(operations.map((operation) => operation.name)).toEqual(manifest.operations.map((operation) => operation.name));
    for (const operation of operations) {
      expect(operation.hash).toBe(sha256(operation.body));
      expect(operation.documentId).toBe(`sha256:${operation.hash}`);
    }
    expect(operations.filter((operation) => operation.kind === 'subscription').map((operation) => operation.name)).toEqual(['MyAlertsRaised', 'MyAlertsUpdated', 'MyDossiersReceived', 'MyDossiersResolved']);
    expect(operations.find((operation) => operation.name === 'MyAlertsRaised')?.variables).toContainEqual({ name: 'after', type: 'String', required: false });
  });
});
