import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger, gatewayTokenHeader, gatewayTokenParam, signGatewayToken, type Principal, type Role } from '@ioc/kit';
import { subscribe } from '@ioc/kit/testing';
import { startGateway, type RunningGateway } from '@ioc/gateway';
import { devAuthOptions } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import { bearer, gatewayHeaders, openSocket, persistedOperations, persistedOperationsPath, post, sql, type HttpResult } from './support';

/**
 * Hostile requests against what the subgraphs and the kit decide (issue 15): crafted cursors,
 * resume replays, WebSocket message size, gateway token lifetime, types reached by nested paths,
 * and what lists and counts reveal. Each case failed before its fix.
 */

const ops = persistedOperations();
let stack: Stack;
let production: RunningGateway;
const clients: Client[] = [];
const fixtures = { ownAgency: '', ownSystemId: '', otherSystemId: '', serverId: '', alertServerId: '', alertCount: 0 };

const subgraphUrl = (name: string) => stack.subgraphs.get(name)!.url;
const asRole = async (role: Role, query: string, variables: Record<string, unknown> = {}) => post(stack.gateway.url, { query, variables }, bearer(await stack.tokenFor(role)));
const direct = async (name: string, query: string, principal: Partial<Principal> & { role: Role }) =>
  post(subgraphUrl(name), { query }, await gatewayHeaders(stack.secrets.gatewayTokenSecret, principal));
const cursor = (offset: string) => Buffer.from(`o:${offset}`).toString('base64url');

function expectBadInput(result: HttpResult, argument: string) {
  expect(result.status).toBe(200);
  expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(JSON.stringify(result.body.errors)).not.toMatch(/bigint|infinity|out of range|column/i);
}

function expectForbidden(result: HttpResult, fragment: string) {
  expect(result.status).toBe(200);
  expect(result.body.errors?.length).toBeGreaterThan(0);
  for (const error of result.body.errors!) expect(error.extensions?.code).toBe('FORBIDDEN');
  expect(result.body.errors!.map((error) => error.message).join('\n')).toContain(`forbidden: ${fragment}`);
}

/** A graphql-ws client straight at a subgraph, vouched for with the stack's gateway secret. */
function subgraphClient(name: string, principal: Partial<Principal> & { role: Role }): Client {
  const client = createClient({
    url: subgraphUrl(name).replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: async () => ({ [gatewayTokenParam]: await signGatewayToken({ subject: `hostile-${principal.role}`, ...principal }, stack.secrets.gatewayTokenSecret) }),
  });
  clients.push(client);
  return client;
}

/** A gateway token signed with the real secret, with exactly the time claims given. */
function craftedGatewayToken(times: { iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('hostile').setIssuer('ioc-gateway').setAudience('ioc-subgraph');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(new TextEncoder().encode(stack.secrets.gatewayTokenSecret));
}

async function persisted(name: string, variables: Record<string, unknown>) {
  const op = ops.get(name)!;
  return post(production.url, { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.id } } }, bearer(await stack.tokenFor('agency-client', fixtures.ownAgency)));
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  production = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), logger: createLogger('hostile-subgraphs', 'silent'), introspection: false, persistedOperationsPath });
  const db = stack.database.url;
  const one = async (text: string, params: unknown[] = []) => Object.values((await sql(db, text, params))[0] ?? {})[0] as string;
  fixtures.ownAgency = await one('SELECT agency_id FROM security.alert GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
  fixtures.ownSystemId = await one('SELECT system_id FROM security.security_profile WHERE owner_agency_id = $1 ORDER BY 1 LIMIT 1', [fixtures.ownAgency]);
  fixtures.otherSystemId = await one('SELECT system_id FROM security.security_profile WHERE owner_agency_id <> $1 ORDER BY 1 LIMIT 1', [fixtures.ownAgency]);
  fixtures.serverId = await one(`SELECT id FROM infrastructure.server WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`);
  fixtures.alertServerId = await one('SELECT server_id FROM security.alert WHERE server_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
  fixtures.alertCount = Number(await one('SELECT count(*)::int FROM security.alert'));
  for (const [name, value] of Object.entries(fixtures)) expect(value, name).toBeTruthy();
}, 180_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await production?.close();
  await stack?.stop();
});

describe('crafted cursors and resume arguments', () => {
  it.each([
    ['a cursor past bigint', cursor('99999999999999999999')],
    ['a 400-digit cursor', cursor('9'.repeat(400))],
  ])('%s on a list is BAD_USER_INPUT naming "after", not a database error', async (_name, after) => {
    expectBadInput(await asRole('soc-analyst', 'query ($after: String) { alerts(first: 5, after: $after) { totalCount } }', { after }), 'after');
  });

  it('a crafted cursor on an audit log is BAD_USER_INPUT too', async () => {
    expectBadInput(await asRole('admin', 'query ($after: String) { securityAuditLog(first: 5, after: $after) { totalCount } }', { after: cursor('99999999999999999999') }), 'after');
  });

  it('alertRaised(after: "9999999999999999999") is refused as BAD_USER_INPUT naming "after"', async () => {
    const live = subscribe(subgraphClient('security', { role: 'soc-analyst' }), 'subscription { alertRaised(after: "9999999999999999999") { id } }');
    await live.completed;
    expect(live.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    expect(JSON.stringify(live.errors)).not.toMatch(/bigint|out of range/);
  });

  it('twenty identical resumes from "0" each get every alert once, in order (paged, shared replay)', async () => {
    const lives = Array.from({ length: 20 }, () => subscribe<{ alertRaised: { sequence: string } }>(subgraphClient('security', { role: 'soc-analyst' }), 'subscription { alertRaised(after: "0") { sequence } }'));
    const results = await Promise.all(lives.map((live) => live.waitFor(fixtures.alertCount, 60_000)));
    for (const live of lives) live.stop();
    const expected = (await sql<{ sequence: string }>(stack.database.url, 'SELECT sequence::text AS sequence FROM security.alert a ORDER BY a.sequence')).map((row) => row.sequence);
    expect(expected.length).toBeGreaterThan(200);
    for (const events of results) expect(events.map((event) => event.alertRaised.sequence)).toEqual(expected);
  }, 90_000);
});

describe('WebSocket messages at the subgraphs', () => {
  it('a 2 MiB connection_init without a token is cut off at the size cap (1009), not read and answered 4401', async () => {
    const outcome = await openSocket(subgraphUrl('security'), { padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(outcome.code).toBe(1009);
    expect(outcome.messages).toEqual([]);
  });
});

describe('gateway token lifetime at the subgraphs', () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['without exp', () => craftedGatewayToken({ iat: now() }), 'gateway token without "exp"'],
    ['with a 100-year lifetime', () => craftedGatewayToken({ iat: now(), exp: now() + 100 * 365 * 86400 }), 'longer than the 300 s allowed'],
    ['issued an hour in the future', () => craftedGatewayToken({ iat: now() + 3600, exp: now() + 3700 }), 'gateway token issued in the future'],
  ])('a token %s gets 401', async (_name, token, message) => {
    const result = await post(subgraphUrl('egov'), { query: '{ agencies(first: 1) { totalCount } }' }, { [gatewayTokenHeader]: await token() });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.errors?.[0]?.message).toContain(message);
  });
});

describe('types reached by nested paths', () => {
  const serverEntity = (fields: string) => `{ _entities(representations: [{ __typename: "Server", id: "${fixtures.serverId}" }]) { ... on Server { ${fields} } } }`;

  it("an agency client reaching a server (an alert's server, _entities) reads neither hostname nor addresses", async () => {
    expectForbidden(await direct('infrastructure', serverEntity('hostname ipv4'), { role: 'agency-client', agencyId: fixtures.ownAgency }), 'Server.hostname needs role ioc-viewer or soc-analyst or admin (caller is agency-client)');
    expectForbidden(await direct('security', serverEntity('id openAlertCount'), { role: 'agency-client', agencyId: fixtures.ownAgency }), 'Server.');
  });

  it("ingest reads back a server's id from setServerHealth, and nothing else of it", async () => {
    const query = (fields: string) => `mutation { setServerHealth(id: "${fixtures.serverId}", health: HEALTHY) { ${fields} } }`;
    expectForbidden(await asRole('ingest', query('id hostname ipv4')), 'Server.hostname needs role ioc-viewer or soc-analyst or admin (caller is ingest)');
    const ok = await asRole('ingest', query('id'));
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.setServerHealth.id).toBe(fixtures.serverId);
  });
});

describe('what lists and counts reveal', () => {
  it('a viewer may not count alerts by server (which host has open critical vulnerabilities)', async () => {
    const result = await asRole('ioc-viewer', `{ alerts(serverId: "${fixtures.alertServerId}", severity: CRITICAL, open: true) { totalCount } }`);
    expectForbidden(result, 'Query.alerts(serverId:) needs role soc-analyst or agency-client or admin (caller is ioc-viewer)');
    const analyst = await asRole('soc-analyst', `{ alerts(serverId: "${fixtures.alertServerId}") { totalCount } }`);
    expect(analyst.body.data.alerts.totalCount).toBeGreaterThan(0);
  });

  it("an agency client cannot tell an unknown system id from another agency's: both are an empty list", async () => {
    const answers = [];
    for (const systemId of [fixtures.otherSystemId, 'no-such-system-id']) {
      const result = await persisted('MyOpenAlerts', { systemId, first: 5 });
      answers.push({ status: result.status, body: result.body });
    }
    expect(answers[0]).toEqual({ status: 200, body: { data: { alerts: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } } } });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('the same holds for incidents', async () => {
    const incidents = (systemId: string) => direct('security', `{ incidents(systemId: "${systemId}") { totalCount } }`, { role: 'agency-client', agencyId: fixtures.ownAgency });
    const [other, unknown] = [await incidents(fixtures.otherSystemId), await incidents('no-such-system-id')];
    expect(other.body).toEqual({ data: { incidents: { totalCount: 0 } } });
    expect(unknown.body).toEqual(other.body);
  });
});
