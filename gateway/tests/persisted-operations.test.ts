import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { GraphQLError, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PersistedOperations, sha256, type PersistedRequest } from '../src/admission/persisted-operations';
import { createRateLimiter } from '../src/admission/rate-limit';

const manifestUrl = new URL('../persisted-operations.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { operations: Array<{ name: string; body: string }> };
const list = PersistedOperations.fromFile(manifestUrl.pathname);
const openAlerts = manifest.operations.find((operation) => operation.name === 'MyOpenAlerts')!;

/** The code and message of the refusal `request` gets, or the text it runs. */
function outcome(request: PersistedRequest): string | { code: unknown; message: string } {
  try {
    return list.resolve(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, message: error.message };
  }
}

describe('the persisted operations file', () => {
  const apiSchema = Supergraph.build(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();

  it.each(manifest.operations)('$name is valid against the API schema', ({ body }) => {
    expect(validate(apiSchema, parse(body)).map((error) => error.message)).toEqual([]);
  });

  it("holds the agency's live streams, and every alert operation returns the resume cursor (sequence)", () => {
    const subscriptions = list.operations.filter((operation) => operation.kind === 'subscription').map((operation) => operation.name);
    expect(subscriptions).toEqual(['MyAlertsRaised', 'MyAlertsUpdated', 'MyDossiersReceived', 'MyDossiersResolved']);
    for (const operation of list.operations.filter(({ body }) => /\balert(?:s|Raised|Updated)?\(/.test(body))) expect(operation.body, operation.name).toMatch(/\bsequence\b/);
  });

  it('describes each variable for the catalogue', () => {
    const raised = list.operations.find((operation) => operation.name === 'MyAlertsRaised')!;
    expect(raised.variables).toEqual([
      { name: 'after', type: 'String', required: false },
      { name: 'minSeverity', type: 'AlertSeverity', required: false },
      { name: 'systemId', type: 'String', required: false },
    ]);
    expect(list.operations.find((operation) => operation.name === 'MyAlert')!.variables).toEqual([{ name: 'id', type: 'String!', required: true }]);
  });
});

describe('what the allow-list accepts', () => {
  const printed = print(parse(openAlerts.body));

  it('the hash of the stored text, bare or prefixed sha256:, in documentId or persistedQuery', () => {
    const hash = sha256(openAlerts.body);
    expect(outcome({ documentId: hash })).toBe(openAlerts.body);
    expect(outcome({ documentId: `sha256:${hash}` })).toBe(openAlerts.body);
    expect(outcome({ extensions: { persistedQuery: { version: 1, sha256Hash: hash.toUpperCase() } } })).toBe(openAlerts.body);
  });

  it("the hash of the printed document (Apollo Client's default), which then runs as printed", () => {
    expect(printed).not.toBe(openAlerts.body);
    expect(outcome({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(printed) } } })).toBe(printed);
  });

  it('the printed document with the __typename a client cache adds, which then runs with them', () => {
    const withTypenames = printed.replace(/\n(\s*)}/g, (_all, indent: string) => `\n${indent}  __typename\n${indent}}`).replace(/^(\s*)__typename\n}$/m, '}');
    expect(withTypenames).toContain('__typename');
    expect(outcome({ query: withTypenames, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(withTypenames) } } })).toBe(withTypenames);
  });

  it('the text alone, however it is formatted', () => {
    expect(outcome({ query: `# ours\n${printed.replace(/\n\s*/g, '\n\t')}` })).toMatch(/^# ours/);
  });
});

describe('what the allow-list refuses, each with its own code', () => {
  it('an unknown hash alone: PERSISTED_QUERY_NOT_FOUND with the message APQ clients answer by sending the text', () => {
    expect(outcome({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } })).toEqual({ code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' });
  });

  it('a text that is no agreed operation, with its own hash: PERSISTED_QUERY_NOT_ALLOWED (no retry loop)', () => {
    const query = '{ alerts { nodes { title } } }';
    expect(outcome({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } })).toMatchObject({ code: 'PERSISTED_QUERY_NOT_ALLOWED' });
    expect(outcome({ query })).toMatchObject({ code: 'PERSISTED_QUERY_NOT_ALLOWED' });
    expect(outcome({})).toMatchObject({ code: 'PERSISTED_QUERY_NOT_ALLOWED', message: expect.stringContaining('send documentId') });
  });

  it('an agreed operation with one more field is not agreed', () => {
    expect(outcome({ query: openAlerts.body.replace('cvssScore', 'cvssScore description') })).toMatchObject({ code: 'PERSISTED_QUERY_NOT_ALLOWED' });
  });

  it('an allowed hash with another text: PERSISTED_QUERY_HASH_MISMATCH naming both hashes', () => {
    const query = '{ alerts { nodes { title } } }';
    const refused = outcome({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(openAlerts.body) } } });
    expect(refused).toMatchObject({ code: 'PERSISTED_QUERY_HASH_MISMATCH', message: expect.stringContaining(sha256(query)) });
  });

  it('a hash that is not sha256 hex: BAD_REQUEST', () => {
    expect(outcome({ documentId: 'md5:abc' })).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a persistedQuery extension without version 1 is bad input for every caller, agency or not', () => {
    for (const allowListOnly of [true, false]) {
      expect(() => list.admit({ extensions: { persistedQuery: { sha256Hash: sha256(openAlerts.body) } } }, allowListOnly)).toThrow(
        expect.objectContaining({ message: expect.stringContaining('version: required'), extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
      );
    }
  });

  it('admitting drops the hash, so nothing after the gateway looks it up again', () => {
    const request: PersistedRequest = { documentId: `sha256:${sha256(openAlerts.body)}`, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(openAlerts.body) } } };
    list.admit(request, true);
    expect(request).toEqual({ query: openAlerts.body, extensions: {} });
  });
});

describe('the rate limiter as its headers report it', () => {
  it('counts down the remaining requests and says when the bucket is full again', () => {
    let time = 0;
    const limiter = createRateLimiter(60, () => time);
    expect(limiter.state('a')).toEqual({ limit: 60, remaining: 60, resetSeconds: 0 });
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(limiter.state('a')).toEqual({ limit: 60, remaining: 57, resetSeconds: 3 });
    time = 1_000;
    expect(limiter.state('a')).toEqual({ limit: 60, remaining: 58, resetSeconds: 2 });
  });
});
