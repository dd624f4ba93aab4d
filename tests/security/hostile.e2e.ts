import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignJWT } from 'jose';
import { createLogger, type Role } from '@ioc/kit';
import { startGateway, type RunningGateway } from '@ioc/gateway';
import { devAuthOptions, signDevToken } from '@ioc/gateway/dev-keys';
import { startStack, type Stack } from '../support/stack';
import {
  bearer,
  gatewayHeaders,
  openSocket,
  persistedOperations,
  persistedOperationsPath,
  post,
  signToken,
  snapshot,
  sql,
  unsignedToken,
  type HttpResult,
} from './support';

/**
 * Hostile requests through the real gateway and straight at the subgraphs. Each case asserts the
 * exact refusal (HTTP status, error code, a fragment of the message) and, where something could
 * have been written, that every table and audit log has the same number of rows as before.
 */

const silent = createLogger('hostile', 'silent');
const ops = persistedOperations();

let stack: Stack;
/** Configured as in production: introspection off, the agencies' allow-list loaded. */
let production: RunningGateway;
/** A gateway allowing 3 requests a minute per caller. */
let limited: RunningGateway;

const fixtures = {
  ownAgency: '',
  otherAgency: '',
  ownAlertId: '',
  otherAlertId: '',
  openAlertId: '',
  ownDossierId: '',
  otherDossierId: '',
  otherSystemId: '',
  ownSystemId: '',
  systemId: '',
  stationId: '',
  serverId: '',
};

const token = (role: Role, agencyId?: string) => stack.tokenFor(role, agencyId);
const asRole = async (role: Role, query: string, variables: Record<string, unknown> = {}, url = stack.gateway.url) =>
  post(url, { query, variables }, bearer(await token(role)));

/** An agency client's request: a persisted operation by its hash, as the allow-list requires. */
async function persisted(name: string, variables: Record<string, unknown>, agencyId = fixtures.ownAgency, extra: Record<string, unknown> = {}) {
  const op = ops.get(name);
  if (!op) throw new Error(`no persisted operation ${name}`);
  return post(production.url, { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: op.id } }, ...extra }, bearer(await token('agency-client', agencyId)));
}

function expectRefusal(result: HttpResult, status: number, code: string, fragment: string | RegExp) {
  expect(result.status).toBe(status);
  expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(result.body.errors?.[0]?.message).toMatch(fragment);
}

/** Every error is FORBIDDEN and at least one names `field`. */
function expectForbidden(result: HttpResult, field: string) {
  expect(result.status).toBe(200);
  expect(result.body.errors?.length).toBeGreaterThan(0);
  for (const error of result.body.errors!) expect(error.extensions?.code).toBe('FORBIDDEN');
  expect(result.body.errors!.map((error) => error.message).join('\n')).toContain(`forbidden: ${field}`);
}

async function unchanged(work: () => Promise<void>) {
  const before = await snapshot(stack.database.url);
  await work();
  expect(await snapshot(stack.database.url)).toEqual(before);
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  const auth = devAuthOptions(stack.secrets);
  production = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth, logger: silent, introspection: false, persistedOperationsPath });
  limited = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth, logger: silent, limits: { ratePerMinute: 3 } });
  const db = stack.database.url;
  // Two agencies that both own systems with alerts and handle dossiers.
  const agencies = await sql<{ agency_id: string }>(
    db,
    `SELECT a.agency_id FROM security.alert a WHERE EXISTS (SELECT 1 FROM egov.dossier d WHERE d.agency_id = a.agency_id)
     GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  );
  expect(agencies).toHaveLength(2);
  fixtures.ownAgency = agencies[0]!.agency_id;
  fixtures.otherAgency = agencies[1]!.agency_id;
  const one = async (text: string, params: unknown[]) => Object.values((await sql(db, text, params))[0] ?? {})[0] as string;
  fixtures.ownAlertId = await one('SELECT id FROM security.alert WHERE agency_id = $1 ORDER BY sequence LIMIT 1', [fixtures.ownAgency]);
  fixtures.otherAlertId = await one('SELECT id FROM security.alert WHERE agency_id = $1 ORDER BY sequence LIMIT 1', [fixtures.otherAgency]);
  fixtures.openAlertId = await one(`SELECT id FROM security.alert WHERE status = 'NEW' ORDER BY sequence LIMIT 1`, []);
  fixtures.ownDossierId = await one('SELECT id::text FROM egov.dossier WHERE agency_id = $1 ORDER BY id LIMIT 1', [fixtures.ownAgency]);
  fixtures.otherDossierId = await one('SELECT id::text FROM egov.dossier WHERE agency_id = $1 ORDER BY id LIMIT 1', [fixtures.otherAgency]);
  fixtures.ownSystemId = await one('SELECT system_id FROM security.security_profile WHERE owner_agency_id = $1 ORDER BY 1 LIMIT 1', [fixtures.ownAgency]);
  fixtures.otherSystemId = await one('SELECT system_id FROM security.alert WHERE agency_id = $1 ORDER BY 1 LIMIT 1', [fixtures.otherAgency]);
  fixtures.systemId = await one('SELECT system_id FROM security.security_profile ORDER BY 1 LIMIT 1', []);
  fixtures.stationId = await one('SELECT id FROM infrastructure.bts_station ORDER BY id LIMIT 1', []);
  fixtures.serverId = await one(`SELECT id FROM infrastructure.server WHERE status = 'ACTIVE' AND kind = 'VIRTUAL' ORDER BY id LIMIT 1`, []);
  for (const [name, value] of Object.entries(fixtures)) expect(value, name).toBeTruthy();
}, 180_000);

afterAll(async () => {
  await limited?.close();
  await production?.close();
  await stack?.stop();
});

const ping = '{ agencies(first: 1) { totalCount } }';

describe('authentication at the gateway', () => {
  it('no token: 401 UNAUTHENTICATED, "missing bearer token"', async () => {
    const result = await post(stack.gateway.url, { query: ping });
    expectRefusal(result, 401, 'UNAUTHENTICATED', 'unauthenticated: missing bearer token');
    expect(result.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('not a bearer scheme: 401 "malformed Authorization header"', async () => {
    const result = await post(stack.gateway.url, { query: ping }, { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` });
    expectRefusal(result, 401, 'UNAUTHENTICATED', 'malformed Authorization header');
  });

  it('expired token: 401 "token expired"', async () => {
    const expired = await signDevToken(stack.secrets, 'admin', { ttlSeconds: -60 });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(expired)), 401, 'UNAUTHENTICATED', 'unauthenticated: token expired');
  });

  it('wrong signature (another key): 401 "bad signature"', async () => {
    const forged = await signToken(stack.secrets, { role: 'admin' }, { secret: 'a-key-the-gateway-never-saw-0123456789abcdef' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(forged)), 401, 'UNAUTHENTICATED', 'unauthenticated: bad signature');
  });

  it('tampered payload (role swapped after signing): 401 "bad signature"', async () => {
    const [header, payload, signature] = (await token('ioc-viewer')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url'), signature].join('.');
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(tampered)), 401, 'UNAUTHENTICATED', 'unauthenticated: bad signature');
  });

  it('alg: none (unsigned admin token): 401 "unsupported signing algorithm"', async () => {
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(unsignedToken(stack.secrets))), 401, 'UNAUTHENTICATED', 'unauthenticated: unsupported signing algorithm');
  });

  it('wrong audience: 401 "wrong audience"', async () => {
    const other = await signToken(stack.secrets, { role: 'admin' }, { audience: 'another-system' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(other)), 401, 'UNAUTHENTICATED', 'unauthenticated: wrong audience');
  });

  it('unknown issuer: 401 "unknown issuer"', async () => {
    const other = await signToken(stack.secrets, { role: 'admin' }, { issuer: 'https://evil.example' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(other)), 401, 'UNAUTHENTICATED', 'unauthenticated: unknown issuer');
  });

  it('not yet valid (nbf in the future): 401 "token not yet valid"', async () => {
    const early = await signToken(stack.secrets, { role: 'admin' }, { notBefore: '2h' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(early)), 401, 'UNAUTHENTICATED', 'unauthenticated: token not yet valid');
  });

  it('no expiry claim: 401 naming "exp"', async () => {
    const forever = await signToken(stack.secrets, { role: 'admin' }, { expiresIn: null });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(forever)), 401, 'UNAUTHENTICATED', 'invalid claim "exp"');
  });

  it('a role that does not exist ("superuser"): 401 "no known role"', async () => {
    const superuser = await signToken(stack.secrets, { role: 'superuser' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(superuser)), 401, 'UNAUTHENTICATED', 'token has no known role');
  });

  it('an agency-client token without an agency: 401', async () => {
    const agencyless = await signToken(stack.secrets, { role: 'agency-client' });
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(agencyless)), 401, 'UNAUTHENTICATED', 'agency-client token without an agency claim');
  });

  it('WebSocket without a token: closed with 4401 "missing bearer token"', async () => {
    const outcome = await openSocket(stack.gateway.url, {});
    expect(outcome.code).toBe(4401);
    expect(outcome.reason).toMatch(/^Unauthorized: missing bearer token/);
    expect(outcome.messages.map((message) => message.type)).not.toContain('connection_ack');
  });

  it('WebSocket with an expired token: closed with 4401 "token expired"', async () => {
    const expired = await signDevToken(stack.secrets, 'soc-analyst', { ttlSeconds: -60 });
    const outcome = await openSocket(stack.gateway.url, { authorization: `Bearer ${expired}` });
    expect(outcome).toMatchObject({ code: 4401, reason: 'Unauthorized: token expired' });
  });

  it('a socket whose token expires while open is closed with 4401', async () => {
    const shortLived = await signDevToken(stack.secrets, 'soc-analyst', { ttlSeconds: 2 });
    const outcome = await openSocket(stack.gateway.url, { authorization: `Bearer ${shortLived}` });
    expect(outcome.messages[0]?.type).toBe('connection_ack');
    expect(outcome).toMatchObject({ code: 4401, reason: 'Unauthorized: token expired' });
  });
});

describe('roles at the subgraphs, through the gateway', () => {
  it('a viewer cannot triage an alert: FORBIDDEN naming Mutation.updateAlert, alert and audit log unchanged', async () => {
    const [before] = await sql(stack.database.url, 'SELECT status, assignee, updated_at FROM security.alert WHERE id = $1', [fixtures.openAlertId]);
    await unchanged(async () => {
      const result = await asRole('ioc-viewer', 'mutation Close($id: String!) { updateAlert(id: $id, status: ACKNOWLEDGED, assignee: "mallory") { id status } }', { id: fixtures.openAlertId });
      expectForbidden(result, 'Mutation.updateAlert needs role soc-analyst or admin (caller is ioc-viewer)');
      expect(result.body.data).toBeNull();
    });
    expect((await sql(stack.database.url, 'SELECT status, assignee, updated_at FROM security.alert WHERE id = $1', [fixtures.openAlertId]))[0]).toEqual(before);
  });

  it('a viewer cannot raise an alert: FORBIDDEN naming Mutation.raiseAlert, nothing written', async () => {
    await unchanged(async () => {
      const result = await asRole(
        'ioc-viewer',
        'mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated } }',
        { input: { kind: 'MALWARE', title: 'fake', source: 'WAZUH', rawSeverity: '12', systemId: fixtures.systemId } },
      );
      expectForbidden(result, 'Mutation.raiseAlert needs role ingest or soc-analyst or admin (caller is ioc-viewer)');
    });
  });

  it('a viewer sending many aliased writes at once: every one FORBIDDEN, nothing written', async () => {
    await unchanged(async () => {
      const aliased = Array.from({ length: 5 }, (_, i) => `w${i}: updateAlert(id: $id, assignee: "x${i}") { id }`).join(' ');
      const result = await asRole('ioc-viewer', `mutation Many($id: String!) { ${aliased} }`, { id: fixtures.openAlertId });
      expectForbidden(result, 'Mutation.updateAlert needs role soc-analyst or admin (caller is ioc-viewer)');
      expect(result.body.data).toBeNull();
    });
  });

  it('an analyst cannot approve a security level (admin only): FORBIDDEN, profile unchanged', async () => {
    const [before] = await sql(stack.database.url, 'SELECT level, approval_status, approved_date FROM security.security_profile WHERE system_id = $1', [fixtures.systemId]);
    await unchanged(async () => {
      const result = await asRole('soc-analyst', 'mutation Approve($id: String!) { approveSecurityLevel(systemId: $id, level: 5) { level } }', { id: fixtures.systemId });
      expectForbidden(result, 'Mutation.approveSecurityLevel needs role admin (caller is soc-analyst)');
    });
    expect((await sql(stack.database.url, 'SELECT level, approval_status, approved_date FROM security.security_profile WHERE system_id = $1', [fixtures.systemId]))[0]).toEqual(before);
  });

  it('ingest cannot triage alerts: FORBIDDEN naming Mutation.updateAlert', async () => {
    await unchanged(async () => {
      expectForbidden(await asRole('ingest', `mutation { updateAlert(id: "${fixtures.openAlertId}", status: RESOLVED) { id } }`), 'Mutation.updateAlert needs role soc-analyst or admin (caller is ingest)');
    });
  });

  it('ingest reads nothing sensitive: alerts, dossiers, feedback and the dashboards are FORBIDDEN', async () => {
    for (const field of ['alerts', 'incidents', 'dossiers', 'feedback', 'informationSystems', 'servers', 'enterprises']) {
      const result = await asRole('ingest', `{ ${field}(first: 1) { totalCount } }`);
      expectForbidden(result, `Query.${field} needs role`);
      expect(result.body.errors![0]!.message).toMatch(/\(caller is ingest\)$/);
      expect(result.body.data).toBeNull();
    }
  });

  it('a viewer cannot receive dossiers, add servers, record measurements or set BTS status: each FORBIDDEN, nothing written', async () => {
    await unchanged(async () => {
      expectForbidden(
        await asRole('ioc-viewer', 'mutation { receiveDossier(input: { serviceId: "x", communeCode: "x", channel: ONLINE }) { id } }'),
        'Mutation.receiveDossier needs role admin or ingest (caller is ioc-viewer)',
      );
      expectForbidden(
        await asRole('ioc-viewer', 'mutation { addServer(input: { kind: PHYSICAL, cpuCores: 8, memoryGb: 64, diskGb: 1000, ipv4: "10.9.9.9" }) { id } }'),
        'Mutation.addServer needs role ingest or admin (caller is ioc-viewer)',
      );
      expectForbidden(
        await asRole('ioc-viewer', 'mutation { recordMeasurement(input: { indicator: "society.smartphoneShare", period: "2023", value: 1, source: "x" }) { value } }'),
        'Mutation.recordMeasurement needs role admin or ingest (caller is ioc-viewer)',
      );
      expectForbidden(await asRole('ioc-viewer', `mutation { setBtsStatus(id: "${fixtures.stationId}", status: DOWN) { id } }`), 'Mutation.setBtsStatus needs role ingest or admin (caller is ioc-viewer)');
    });
  });

  it('an analyst cannot retire a server (the catalogue is admin only): FORBIDDEN, server still active', async () => {
    await unchanged(async () => {
      expectForbidden(await asRole('soc-analyst', `mutation { retireServer(id: "${fixtures.serverId}") { id status } }`), 'Mutation.retireServer needs role ingest or admin (caller is soc-analyst)');
    });
    expect((await sql(stack.database.url, 'SELECT status FROM infrastructure.server WHERE id = $1', [fixtures.serverId]))[0]).toEqual({ status: 'ACTIVE' });
  });

  it('a viewer counts alerts but cannot read them: totalCount answers, Alert.title is FORBIDDEN', async () => {
    const counted = await asRole('ioc-viewer', '{ alerts(open: true) { totalCount } alertStats(year: 2022) { total } }');
    expect(counted.body.errors).toBeUndefined();
    expect(counted.body.data.alerts.totalCount).toBeGreaterThan(0);
    expectForbidden(await asRole('ioc-viewer', '{ alerts(first: 3) { nodes { title } } }'), 'Alert.title needs role soc-analyst or agency-client or admin (caller is ioc-viewer)');
    expectForbidden(await asRole('ioc-viewer', `{ alert(id: "${fixtures.ownAlertId}") { id } }`), 'Query.alert needs role soc-analyst or agency-client or admin (caller is ioc-viewer)');
  });

  it('a viewer cannot reach alert details sideways (a system\'s open alerts, an incident\'s alerts)', async () => {
    expectForbidden(
      await asRole('ioc-viewer', `{ informationSystem(id: "${fixtures.systemId}") { openAlerts { title } } }`),
      'InformationSystem.openAlerts needs role soc-analyst or agency-client or admin (caller is ioc-viewer)',
    );
    expectForbidden(await asRole('ioc-viewer', '{ incidents(first: 2) { nodes { title } } }'), 'Incident.title needs role soc-analyst or agency-client or admin (caller is ioc-viewer)');
  });

  it('only admins read the audit log: FORBIDDEN for an analyst', async () => {
    expectForbidden(await asRole('soc-analyst', '{ securityAuditLog { totalCount } }'), 'Query.securityAuditLog needs role admin (caller is soc-analyst)');
  });
});

describe('agency clients: persisted operations only, their own agency only', () => {
  it('a document that is not on the allow-list: 400 PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const result = await post(production.url, { query: '{ alerts { totalCount } }' }, bearer(await token('agency-client', fixtures.ownAgency)));
    expectRefusal(result, 400, 'PERSISTED_QUERY_NOT_ALLOWED', 'this document is not a persisted operation');
  });

  it('an unknown hash: 400 PERSISTED_QUERY_NOT_FOUND (the APQ message) naming the hash', async () => {
    const hash = 'f'.repeat(64);
    const result = await post(production.url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, bearer(await token('agency-client', fixtures.ownAgency)));
    expectRefusal(result, 400, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
    expect(result.body.errors?.[0]?.extensions?.hash).toBe(hash);
  });

  it('an allowed hash smuggling another document: 400 PERSISTED_QUERY_HASH_MISMATCH, the document must be the allowed one', async () => {
    const result = await persisted('MyOpenAlerts', { first: 5 }, fixtures.ownAgency, { query: '{ alerts { nodes { title } } }' });
    expectRefusal(result, 400, 'PERSISTED_QUERY_HASH_MISMATCH', 'does not match its hash');
  });

  it('a mutation is never on the allow-list: refused before reaching a subgraph, nothing written', async () => {
    await unchanged(async () => {
      const result = await post(
        production.url,
        { query: `mutation { updateAlert(id: "${fixtures.ownAlertId}", status: CLOSED) { id } }` },
        bearer(await token('agency-client', fixtures.ownAgency)),
      );
      expectRefusal(result, 400, 'PERSISTED_QUERY_NOT_ALLOWED', 'this document is not a persisted operation');
    });
  });

  it('every persisted query runs for its own agency without errors (subscriptions: tests/agency-api)', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      MyAgency: { agencyId: fixtures.ownAgency },
      MyInformationSystems: { first: 50 },
      MyOpenAlerts: { first: 20 },
      MyAlerts: { first: 20, from: '2022-01-01', to: '2022-12-31' },
      MyAlert: { id: fixtures.ownAlertId },
      MyIncidents: { first: 20 },
      MyDossiers: { first: 20 },
      MyDossier: { id: fixtures.ownDossierId },
      MyDossierStatistics: { year: 2022, parentCode: '84' },
      MyFeedback: { first: 20 },
    };
    expect(Object.keys(variables).sort()).toEqual([...ops.values()].filter((op) => op.body.startsWith('query')).map((op) => op.name).sort());
    for (const [name, vars] of Object.entries(variables)) {
      const result = await persisted(name, vars);
      expect(result.body.errors, name).toBeUndefined();
      expect(result.status, name).toBe(200);
    }
  });

  // "Not yours" must read exactly as "unknown": a FORBIDDEN told the client the id exists elsewhere.
  it("another agency's alert by id answers as an unknown id does: null, no error", async () => {
    const other = await persisted('MyAlert', { id: fixtures.otherAlertId });
    const unknown = await persisted('MyAlert', { id: '987654321987' });
    expect(other.status).toBe(200);
    expect(other.body).toEqual(unknown.body);
    expect(other.body).toEqual({ data: { alert: null } });
  });

  it("another agency's dossier by id answers as an unknown id does: null, no error", async () => {
    const other = await persisted('MyDossier', { id: fixtures.otherDossierId });
    const unknown = await persisted('MyDossier', { id: '987654321987' });
    expect(other.body).toEqual(unknown.body);
    expect(other.body).toEqual({ data: { dossier: null } });
  });

  it("another agency's systems and compliance: FORBIDDEN naming the fields", async () => {
    const result = await persisted('MyAgency', { agencyId: fixtures.otherAgency });
    expectForbidden(result, 'Agency.');
    const messages = result.body.errors!.map((error) => error.message).join('\n');
    expect(messages).toMatch(/forbidden: Agency\.(informationSystems|securityCompliance) is limited to the caller's own agency/);
  });

  it('the alert list is the caller agency\'s only: totalCount equals its own open alerts', async () => {
    const result = await persisted('MyOpenAlerts', { first: 500 });
    const [own] = await sql(stack.database.url, `SELECT count(*)::int AS n FROM security.alert WHERE agency_id = $1 AND status IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING')`, [fixtures.ownAgency]);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.alerts.totalCount).toBe(own.n);
    const [all] = await sql(stack.database.url, `SELECT count(*)::int AS n FROM security.alert WHERE status IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING')`);
    expect(own.n).toBeLessThan(all.n);
  });

  it("filtering on another agency's system gives an empty list, not its alerts", async () => {
    const result = await persisted('MyOpenAlerts', { first: 50, systemId: fixtures.otherSystemId });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.alerts).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('dossiers and their statistics are the caller agency\'s only', async () => {
    const [own] = await sql(stack.database.url, 'SELECT count(*)::int AS n FROM egov.dossier WHERE agency_id = $1', [fixtures.ownAgency]);
    const listed = await persisted('MyDossiers', { first: 1 });
    expect(listed.body.data.dossiers.totalCount).toBe(own.n);
    const [ownYear] = await sql(
      stack.database.url,
      `SELECT count(*)::int AS n FROM egov.dossier WHERE agency_id = $1 AND received_at >= '2021-12-31T17:00:00Z' AND received_at < '2022-12-31T17:00:00Z'`,
      [fixtures.ownAgency],
    );
    const statistics = await persisted('MyDossierStatistics', { year: 2022, parentCode: '84' });
    expect(statistics.body.errors).toBeUndefined();
    const received = (statistics.body.data.dossierStatistics as Array<{ received: number }>).reduce((sum, row) => sum + row.received, 0);
    expect(received).toBe(ownYear.n);
  });

  it("citizens' personal data reaches an agency client masked", async () => {
    const created = await asRole(
      'admin',
      `mutation Receive($input: ReceiveDossierInput!, $applicant: DossierApplicantInput) { receiveDossier(input: $input, applicant: $applicant) { id agencyId applicant { fullName idNumber phone } } }`,
      {
        input: { serviceId: (await sql(stack.database.url, 'SELECT service_id FROM egov.dossier WHERE agency_id = $1 AND service_level >= 3 LIMIT 1', [fixtures.ownAgency]))[0]!.service_id, communeCode: (await sql(stack.database.url, 'SELECT commune_code FROM egov.dossier WHERE agency_id = $1 LIMIT 1', [fixtures.ownAgency]))[0]!.commune_code, channel: 'ONLINE' },
        applicant: { fullName: 'Nguyễn Văn An', idNumber: '084203001234', phone: '0912345678' },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const dossier = created.body.data.receiveDossier;
    expect(dossier.applicant).toEqual({ fullName: 'Nguyễn Văn An', idNumber: '084203001234', phone: '0912345678' });
    // The handling agency of a new dossier follows the service's level of authority: ask as that agency's client.
    const seen = await persisted('MyDossier', { id: dossier.id }, dossier.agencyId);
    expect(seen.body.errors).toBeUndefined();
    expect(seen.body.data.dossier.applicant).toEqual({ fullName: 'Nguyễn V. A**', idNumber: '*********234', phone: '09******78' });
    const viewer = await asRole('ioc-viewer', 'query One($id: ID!) { dossier(id: $id) { applicant { fullName idNumber phone } } }', { id: dossier.id });
    expect(viewer.body.data.dossier.applicant).toEqual({ fullName: 'Nguyễn V. A**', idNumber: '*********234', phone: '09******78' });
  });
});

describe('straight at a subgraph, bypassing the gateway', () => {
  const security = () => stack.subgraphs.get('security')!.url;

  it('HTTP without the gateway token: 401 UNAUTHENTICATED', async () => {
    const result = await post(security(), { query: '{ alerts { nodes { title } } }' });
    expectRefusal(result, 401, 'UNAUTHENTICATED', 'subgraphs only answer requests that come through the gateway');
  });

  it('_service without the gateway token: 401 (the SDL is not handed out)', async () => {
    const result = await post(security(), { query: '{ _service { sdl } }' });
    expectRefusal(result, 401, 'UNAUTHENTICATED', 'subgraphs only answer requests that come through the gateway');
    expect(JSON.stringify(result.body)).not.toContain('type Alert');
  });

  it('_entities without the gateway token: 401', async () => {
    const result = await post(security(), {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { title } } }',
      variables: { r: [{ __typename: 'Alert', id: fixtures.ownAlertId }] },
    });
    expectRefusal(result, 401, 'UNAUTHENTICATED', 'subgraphs only answer requests that come through the gateway');
  });

  it("a caller's own valid JWT presented to a subgraph: 401 (only the gateway's word counts)", async () => {
    const admin = await token('admin');
    expectRefusal(await post(security(), { query: '{ alertStats(year: 2022) { total } }' }, bearer(admin)), 401, 'UNAUTHENTICATED', 'through the gateway');
    expectRefusal(await post(security(), { query: '{ alertStats(year: 2022) { total } }' }, { 'ioc-gateway-token': admin }), 401, 'UNAUTHENTICATED', 'invalid gateway token');
  });

  it('a gateway token forged with another secret: 401 "invalid gateway token"', async () => {
    const forged = await gatewayHeaders('not-the-gateway-secret-0123456789abcdefghij', { role: 'admin' });
    expectRefusal(await post(security(), { query: '{ alertStats(year: 2022) { total } }' }, forged), 401, 'UNAUTHENTICATED', 'invalid gateway token');
  });

  it('graphql-ws without the gateway token: closed with 4401', async () => {
    const outcome = await openSocket(security(), {});
    expect(outcome.code).toBe(4401);
    expect(outcome.reason).toMatch(/^Unauthorized: unauthenticated: subgraphs only answer/);
  });

  it('graphql-ws with a forged gateway token: closed with 4401', async () => {
    const forged = await gatewayHeaders('not-the-gateway-secret-0123456789abcdefghij', { role: 'admin' });
    const outcome = await openSocket(security(), { gatewayToken: Object.values(forged)[0] });
    expect(outcome).toMatchObject({ code: 4401, reason: 'Unauthorized: unauthenticated: invalid gateway token' });
  });

  it("even with the gateway's word, an agency client's _entities for another agency's alert is FORBIDDEN", async () => {
    const headers = await gatewayHeaders(stack.secrets.gatewayTokenSecret, { role: 'agency-client', agencyId: fixtures.ownAgency });
    const result = await post(
      security(),
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { title severity } } }', variables: { r: [{ __typename: 'Alert', id: fixtures.otherAlertId }] } },
      headers,
    );
    expectForbidden(result, "Alert.title is limited to the caller's own agency");
    const own = await post(
      security(),
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Alert { title } } }', variables: { r: [{ __typename: 'Alert', id: fixtures.ownAlertId }] } },
      headers,
    );
    expect(own.body.errors).toBeUndefined();
  });

  it("an agency client's _entities for another agency's information system (egov) is FORBIDDEN", async () => {
    const headers = await gatewayHeaders(stack.secrets.gatewayTokenSecret, { role: 'agency-client', agencyId: fixtures.ownAgency });
    const result = await post(
      stack.subgraphs.get('egov')!.url,
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on InformationSystem { nameVi } } }', variables: { r: [{ __typename: 'InformationSystem', id: fixtures.otherSystemId }] } },
      headers,
    );
    expectForbidden(result, "InformationSystem.nameVi is limited to the caller's own agency");
  });
});

describe('operation limits', () => {
  it('depth bomb: 400 DEPTH_LIMIT_EXCEEDED', async () => {
    let selection = 'code';
    for (let i = 0; i < 20; i++) selection = `parent { ${selection} }`;
    const result = await asRole('admin', `{ administrativeUnit(code: "842") { ${selection} } }`);
    expectRefusal(result, 400, 'DEPTH_LIMIT_EXCEEDED', /selection depth \d+ exceeds the limit of 12/);
  });

  it('alias bomb: 400 ALIAS_LIMIT_EXCEEDED', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ');
    expectRefusal(await asRole('admin', `{ ${aliases} }`), 400, 'ALIAS_LIMIT_EXCEEDED', 'aliases 200 exceeds the limit of 30');
  });

  it('too many root fields: 400 ROOT_FIELD_LIMIT_EXCEEDED', async () => {
    const fields = Array.from({ length: 25 }, (_, i) => `r${i}: alertStats(year: ${2000 + i}) { total }`).join(' ');
    expectRefusal(await asRole('admin', `{ ${fields} }`), 400, 'ROOT_FIELD_LIMIT_EXCEEDED', 'root fields 25 exceeds the limit of 20');
    const plain = 'agencies { totalCount } alerts { totalCount } dossiers { totalCount } feedback { totalCount } servers { totalCount } btsStations { totalCount } certificates { totalCount } enterprises { totalCount } ocopProducts { totalCount } planTasks { totalCount } planProjects { totalCount } onlineServices { totalCount } administrativeProcedures { totalCount } administrativeUnits { totalCount } informationSystems { totalCount } incidents { totalCount } securityProfiles { totalCount } telecomOperators { totalCount } postalPoints { totalCount } networkConnections { totalCount } securedLans { totalCount } communityTeams { totalCount }';
    expectRefusal(await asRole('admin', `{ ${plain} }`), 400, 'ROOT_FIELD_LIMIT_EXCEEDED', 'root fields 22 exceeds the limit of 20');
  });

  it('cost bomb (500 × 500 nested pages): 400 COST_LIMIT_EXCEEDED', async () => {
    const result = await asRole('admin', '{ administrativeUnits(first: 500) { nodes { btsStations(first: 500) { nodes { id name } } } } }');
    expectRefusal(result, 400, 'COST_LIMIT_EXCEEDED', /estimated cost \d+ exceeds the limit of 50000/);
  });

  it('a 10 MB body: 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: `{ agencies(search: "${'x'.repeat(10 * 1024 * 1024)}") { totalCount } }` });
    const result = await post(stack.gateway.url, body, bearer(await token('admin')));
    expectRefusal(result, 413, 'PAYLOAD_TOO_LARGE', 'request body too large');
  });

  it('a batch of 1,000 operations: 400 BATCH_LIMIT_EXCEEDED, none run', async () => {
    await unchanged(async () => {
      const batch = Array.from({ length: 1000 }, () => ({ query: `mutation { setBtsStatus(id: "${fixtures.stationId}", status: DOWN) { id } }` }));
      const result = await post(stack.gateway.url, batch, bearer(await token('admin')));
      expectRefusal(result, 400, 'BATCH_LIMIT_EXCEEDED', 'batch of 1000 operations refused: the limit is 10');
    });
  });

  // graphql-js says "Document contains more that N tokens" (sic): admission must recognise both spellings.
  it('a document of 25,000 tokens: 400 TOKEN_LIMIT_EXCEEDED', async () => {
    const huge = `{ ${Array.from({ length: 25_000 }, () => '__typename').join(' ')} }`;
    expectRefusal(await asRole('admin', huge), 400, 'TOKEN_LIMIT_EXCEEDED', 'more than 10000 tokens');
  });

  // 20,000 tokens took 80 ms of gateway CPU to refuse; 10,000 is thirty times the largest known operation.
  it('a document of 12,000 tokens: 400 TOKEN_LIMIT_EXCEEDED (the limit is 10,000)', async () => {
    const long = `{ ${Array.from({ length: 12_000 }, () => '__typename').join(' ')} }`;
    expectRefusal(await asRole('admin', long), 400, 'TOKEN_LIMIT_EXCEEDED', 'more than 10000 tokens');
  });

  it('introspection in production mode: refused, __schema and __type alike', async () => {
    const schema = await post(production.url, { query: '{ __schema { types { name } } }' }, bearer(await token('admin')));
    expectRefusal(schema, 400, 'GRAPHQL_VALIDATION_FAILED', 'GraphQL introspection is not allowed');
    const type = await post(production.url, { query: '{ __type(name: "Alert") { fields { name } } }' }, bearer(await token('admin')));
    expectRefusal(type, 400, 'GRAPHQL_VALIDATION_FAILED', 'GraphQL introspection is not allowed');
  });

  it('rate limit per caller: the 4th request in a minute gets 429 RATE_LIMITED with Retry-After', async () => {
    const viewer = await token('ioc-viewer');
    for (let i = 0; i < 3; i++) expect((await post(limited.url, { query: ping }, bearer(viewer))).status).toBe(200);
    const refused = await post(limited.url, { query: ping }, bearer(viewer));
    expectRefusal(refused, 429, 'RATE_LIMITED', 'rate limit exceeded for dev-ioc-viewer');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller has its own budget.
    expect((await post(limited.url, { query: ping }, bearer(await token('soc-analyst')))).status).toBe(200);
  });

  // There are no ambient credentials (no cookies): a request must carry the bearer token, which a
  // browser never adds cross-site without a preflight, so Apollo's CSRF guard counts that header.
  it('CSRF: a simple GET (no preflight, so no Authorization header) is refused; with the token a plain GET answers', async () => {
    const url = `${stack.gateway.url}?query=${encodeURIComponent('{ alertStats(year: 2022) { total } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(401);
    expect((await simple.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const withToken = await fetch(url, { headers: bearer(await token('admin')) });
    expect(withToken.status).toBe(200);
  });

  it('a mutation over GET is refused, nothing written', async () => {
    await unchanged(async () => {
      const query = encodeURIComponent(`mutation { setBtsStatus(id: "${fixtures.stationId}", status: DOWN) { id } }`);
      const response = await fetch(`${stack.gateway.url}?query=${query}`, { headers: { ...bearer(await token('admin')), 'apollo-require-preflight': 'true' } });
      expect(response.status).toBe(405);
      expect(await response.text()).toContain('GET requests only support query operations, not mutation operations');
    });
  });
});

describe('injection-shaped strings in every filter argument', () => {
  const hostile = ["'; DROP TABLE alert; --", '%', '\\', '_%\\%_', "' OR '1'='1", 'Trà Vinh 🚀 \uffff \u202e', 'nul\u0000byte', 'a'.repeat(5000)];

  it('every String and ID argument of every root query: empty results or BAD_USER_INPUT, never a server error; tables intact', async () => {
    const introspection = await asRole(
      'admin',
      `{ __schema { queryType { fields { name args { name defaultValue type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { kind name ofType { kind name } } } } } } }`,
    );
    type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
    const fields = introspection.body.data.__schema.queryType.fields as Array<{ name: string; args: Array<{ name: string; defaultValue: string | null; type: TypeRef }>; type: TypeRef }>;
    const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
    // A required enum argument (socReport's period) takes the enum's first value.
    const types = (await asRole('admin', '{ __schema { types { name kind enumValues { name } } } }')).body.data.__schema.types as Array<{ name: string; kind: string; enumValues: Array<{ name: string }> | null }>;
    const firstValue = new Map(types.filter((type) => type.kind === 'ENUM').map((type) => [type.name, type.enumValues![0]!.name]));
    const literal = (type: TypeRef): string => {
      const base = named(type);
      if (base.kind === 'ENUM') return firstValue.get(base.name!)!;
      if (base.name === 'Int') return '2022';
      if (base.name === 'Boolean') return 'true';
      if (base.name === 'Float') return '1';
      return '"84"';
    };
    const isScalar = (type: TypeRef) => ['SCALAR', 'ENUM'].includes(named(type).kind);
    const before = await snapshot(stack.database.url);
    let tried = 0;
    const failures: string[] = [];
    for (const field of fields.filter((f) => !f.name.startsWith('_'))) {
      // One caller per field keeps the sweep under the per-caller rate limit.
      const sweeper = await signToken(stack.secrets, { role: 'admin' }, { subject: `injection-sweeper-${field.name}` });
      const selection = isScalar(field.type) ? '' : named(field.type).name?.endsWith('Connection') ? '{ totalCount }' : '{ __typename }';
      for (const arg of field.args.filter((a) => ['String', 'ID'].includes(named(a.type).name ?? '') && a.type.kind !== 'LIST' && a.type.ofType?.kind !== 'LIST')) {
        const others = field.args
          .filter((other) => other !== arg && other.type.kind === 'NON_NULL' && other.defaultValue === null)
          .map((other) => `${other.name}: ${literal(other.type)}`);
        const query = `query Hostile($v: ${named(arg.type).name}${arg.type.kind === 'NON_NULL' ? '!' : ''}) { ${field.name}(${[`${arg.name}: $v`, ...others].join(', ')}) ${selection} }`;
        const batch = hostile.map((value) => ({ query, variables: { v: value } }));
        for (let i = 0; i < batch.length; i += 10) {
          const result = await post(stack.gateway.url, batch.slice(i, i + 10), bearer(sweeper));
          expect(result.status, query).toBe(200);
          for (const [j, answer] of (result.body as unknown as Array<HttpResult['body']>).entries()) {
            tried++;
            const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
            if (codes.some((code) => !['BAD_USER_INPUT', 'NOT_FOUND'].includes(code))) {
              failures.push(`${field.name}(${arg.name}: ${JSON.stringify(hostile[i + j]).slice(0, 40)}) → ${JSON.stringify(answer.errors).slice(0, 300)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(300);
    expect(await snapshot(stack.database.url)).toEqual(before);
    const tables = await sql(stack.database.url, `SELECT to_regclass('security.alert') AS alert, to_regclass('egov.dossier') AS dossier`);
    expect(tables[0]).toEqual({ alert: 'security.alert', dossier: 'egov.dossier' });
  });

  it('a NUL character written inline in the document: BAD_USER_INPUT naming the argument, not a database error', async () => {
    const result = await asRole('admin', '{ agencies(search: "a\\u0000b") { totalCount } }');
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'invalid argument "search": text must not contain the NUL character (U+0000)',
      extensions: { code: 'BAD_USER_INPUT', argument: 'search' },
    });
  });

  it('an injection-shaped search finds nothing rather than everything', async () => {
    const result = await asRole('admin', 'query S($s: String) { feedback(search: $s) { totalCount } agencies(search: $s) { totalCount } enterprises(search: $s) { totalCount } }', { s: "' OR '1'='1" });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ feedback: { totalCount: 0 }, agencies: { totalCount: 0 }, enterprises: { totalCount: 0 } });
  });

  it('a "%" search is a literal percent sign, not a wildcard for every row', async () => {
    const result = await asRole('admin', 'query S($s: String) { agencies(search: $s) { totalCount } informationSystems(search: $s) { totalCount } }', { s: '%' });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toEqual({ agencies: { totalCount: 0 }, informationSystems: { totalCount: 0 } });
  });
});

describe('issue 15: one small request must not stall the gateway, no query string switches the limits off', () => {
  const chain = (length: number) =>
    `{ agencies(first: 1) { ...F0 } } ${Array.from({ length }, (_, i) => `fragment F${i} on AgencyConnection { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${length} on AgencyConnection { totalCount }`;
  const padded = (params: Record<string, string>) =>
    `${stack.gateway.url}?${Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&')}&${new URLSearchParams(params).toString()}`;
  const get = async (url: string, role: Role = 'admin', agencyId?: string) => {
    const response = await fetch(url, { headers: { ...bearer(await token(role, agencyId)), 'apollo-require-preflight': 'true' } });
    return { status: response.status, body: (await response.json()) as HttpResult['body'] };
  };

  it('20 fragments each spreading the next twice (2^20 fields from 1 KB): 400 FRAGMENT_LIMIT_EXCEEDED', async () => {
    expectRefusal(await asRole('admin', chain(20)), 400, 'FRAGMENT_LIMIT_EXCEEDED', 'fragment spreads 31 exceeds the limit of 30');
  });

  it('a doubling chain inside the fragment limit: 400 SELECTION_LIMIT_EXCEEDED, counted without expanding it', async () => {
    expectRefusal(await asRole('admin', chain(14)), 400, 'SELECTION_LIMIT_EXCEEDED', 'field selections (fragments expanded) 16385 exceeds the limit of 500');
  });

  it('16,000 copies of one field (quadratic in graphql-js validation): refused before parsing ends, 400 TOKEN_LIMIT_EXCEEDED', async () => {
    const result = await asRole('admin', `{ agencies(first: 1) { ${Array(16_000).fill('totalCount').join(' ')} } }`);
    expectRefusal(result, 400, 'TOKEN_LIMIT_EXCEEDED', 'more than 10000 tokens');
  });

  it('4,000 copies of one field (3.5 s of validation before the fix): 400 FIELD_REPEAT_LIMIT_EXCEEDED', async () => {
    const result = await asRole('admin', `{ agencies(first: 1) { ${Array(4_000).fill('totalCount').join(' ')} } }`);
    expectRefusal(result, 400, 'FIELD_REPEAT_LIMIT_EXCEEDED', 'field "totalCount" repeated in one selection set');
  });

  it('a GET padded with 1,001 parameters before query=: 400, the depth bomb behind it never runs', async () => {
    let selection = 'code';
    for (let i = 0; i < 20; i++) selection = `parent { ${selection} }`;
    const result = await get(padded({ query: `{ administrativeUnit(code: "842") { ${selection} } }` }));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toMatch(/GET refused/);
    expect(result.body.data).toBeUndefined();
  });

  it('an agency client padding a GET around an allowed documentId with its own query: 400, nothing answered', async () => {
    const url = `${production.url}?documentId=${ops.get('MyAgency')!.id}&${Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&')}&query=${encodeURIComponent('{ alerts { totalCount } }')}`;
    const result = await get(url, 'agency-client', fixtures.ownAgency);
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
  });

  it('a GET repeating query=: 400 BAD_REQUEST', async () => {
    const result = await get(`${stack.gateway.url}?query=${encodeURIComponent(ping)}&query=${encodeURIComponent('{ __typename }')}`);
    expectRefusal(result as HttpResult, 400, 'BAD_REQUEST', 'GET refused');
  });

  it('a GET with its variables: measured with their values (first: 500 twice is refused)', async () => {
    const query = 'query Q($n: Int!) { administrativeUnits(first: $n) { nodes { btsStations(first: $n) { nodes { id } } } } }';
    const result = await get(`${stack.gateway.url}?${new URLSearchParams({ query, variables: JSON.stringify({ n: 500 }) })}`);
    expectRefusal(result as HttpResult, 400, 'COST_LIMIT_EXCEEDED', 'estimated cost');
  });

  it("a page size given by a variable's default counts that default, not 50", async () => {
    const query = 'query Q($n: Int = 500) { administrativeUnits(first: $n) { nodes { btsStations(first: $n) { nodes { id } } } } }';
    expectRefusal(await asRole('admin', query), 400, 'COST_LIMIT_EXCEEDED', 'estimated cost');
  });

  it('40 aliased copies of __type in development mode: 400 ALIAS_LIMIT_EXCEEDED', async () => {
    const copies = Array.from({ length: 40 }, (_, i) => `t${i}: __type(name: "Alert") { fields { name } }`).join(' ');
    expectRefusal(await asRole('admin', `{ ${copies} }`), 400, 'ALIAS_LIMIT_EXCEEDED', 'aliases 40 exceeds the limit of 30');
  });

  // Twenty aliased copies stayed inside the alias limit and cost 71 ms of gateway CPU to answer.
  it('__schema twice, once through a fragment, in development mode: 400 INTROSPECTION_LIMIT_EXCEEDED', async () => {
    const query = '{ __schema { types { name } } ...Again } fragment Again on Query { again: __schema { types { name fields { name } } } }';
    expectRefusal(await asRole('admin', query), 400, 'INTROSPECTION_LIMIT_EXCEEDED', '`__schema` selections 2 exceeds the limit of 1');
  });

  // 30 overlapping fragments of 990 selections cost 50 ms of gateway CPU; the largest known operation has 52.
  it('523 field selections through 29 overlapping fragments: 400 SELECTION_LIMIT_EXCEEDED (the limit is 500)', async () => {
    const fields = 'id kind level nameEn nameVi synthetic unitCode lanSecured unit { code } informationSystems { id nameVi category inDataCentre lgspConnected }';
    const fragments = Array.from({ length: 29 }, (_, i) => `fragment O${i} on AgencyConnection { totalCount nodes { ${fields} } }`);
    const query = `{ agencies(first: 1) { ${fragments.map((_, i) => `...O${i}`).join(' ')} } } ${fragments.join(' ')}`;
    expectRefusal(await asRole('admin', query), 400, 'SELECTION_LIMIT_EXCEEDED', 'field selections (fragments expanded) 523 exceeds the limit of 500');
  });

  it('introspection 21 levels deep: 400 DEPTH_LIMIT_EXCEEDED', async () => {
    let deep = 'name';
    for (let i = 0; i < 20; i++) deep = `ofType { ${deep} }`;
    expectRefusal(await asRole('admin', `{ __type(name: "Alert") { ${deep} } }`), 400, 'DEPTH_LIMIT_EXCEEDED', 'introspection depth');
  });

  it('a batch [null]: 400 BAD_REQUEST, not 500', async () => {
    expectRefusal(await post(stack.gateway.url, [null], bearer(await token('admin'))), 400, 'BAD_REQUEST', 'must be a JSON object');
  });

  it('API responses carry X-Content-Type-Options: nosniff', async () => {
    const result = await asRole('admin', ping);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('no stack trace in error responses unless a developer asks for one, even with NODE_ENV unset', async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    const plain = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), logger: silent });
    process.env.NODE_ENV = saved;
    try {
      const result = await post(plain.url, { query: '{ agencies(first: 1) { nosuchfield } }' }, bearer(await token('admin')));
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
    } finally {
      await plain.close();
    }
  });

  it('/metrics does not tell the Node.js version', async () => {
    const text = await (await fetch(stack.gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toContain('ioc_gateway_subscriptions_active');
    expect(text).not.toContain('nodejs_version_info');
  });

  it('a caller token living 100 years: 401 naming the lifetime limit', async () => {
    const result = await post(stack.gateway.url, { query: ping }, bearer(await signToken(stack.secrets, { role: 'admin' }, { expiresIn: '36500d' })));
    expectRefusal(result, 401, 'UNAUTHENTICATED', /lifetime \d+ s exceeds the limit of 86400 s/);
  });

  it('a caller token issued an hour in the future: 401 "issued in the future"', async () => {
    const now = Math.floor(Date.now() / 1000);
    const future = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('hostile-tester').setIssuer(stack.secrets.issuer).setAudience(stack.secrets.audience)
      .setIssuedAt(now + 3600).setExpirationTime(now + 7200).sign(new TextEncoder().encode(stack.secrets.authSecret));
    expectRefusal(await post(stack.gateway.url, { query: ping }, bearer(future)), 401, 'UNAUTHENTICATED', 'issued in the future');
  });

  it('a 2 MB connection_init without a token: the gateway socket is closed 1009 before anything reads it', async () => {
    const outcome = await openSocket(stack.gateway.url, { padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(outcome.code).toBe(1009);
    expect(outcome.messages).toEqual([]);
  });
});

describe('issue 15: subscriptions per socket and per caller', () => {
  const subscribeMany = (url: string, authorization: string, count: number, wait: (message: { type: string; id?: string }) => boolean, closeAfterMs = 5_000) =>
    new Promise<Array<{ type: string; id?: string; payload?: Array<{ message: string; extensions?: { code?: string } }> }>>((resolve) => {
      const seen: Array<{ type: string; id?: string }> = [];
      void openSocket(url, { authorization }, {
        afterAck: (socket) => {
          for (let i = 0; i < count; i++) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: 'subscription { economyIndicatorChanged { code } }' } }));
        },
        onMessage: (message) => {
          seen.push(message);
          if (wait(message)) resolve(seen as never);
        },
        closeAfterMs,
      }).then(() => resolve(seen as never));
    });

  it('the 101st subscription on one socket: an error SUBSCRIPTION_LIMIT_EXCEEDED for it alone, the socket stays open', async () => {
    const messages = await subscribeMany(stack.gateway.url, `Bearer ${await token('ioc-viewer')}`, 101, (message) => message.type === 'error');
    const refused = messages.find((message) => message.type === 'error');
    expect(refused?.id).toBe('s100');
    expect(refused?.payload?.[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
    expect(refused?.payload?.[0]?.message).toContain('this socket already has 100 subscriptions');
  });

  it('subscriptions per caller: past the caller cap (2 here) the next is refused naming the caller', async () => {
    const capped = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), logger: silent, limits: { subscriptionsPerCaller: 2 } });
    try {
      await expect.poll(async () => (await fetch(capped.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
      const messages = await subscribeMany(capped.url, `Bearer ${await token('ioc-viewer')}`, 3, (message) => message.type === 'error');
      const errors = messages.filter((message) => message.type === 'error');
      expect(errors.map((message) => message.id)).toEqual(['s2']);
      expect(errors[0]?.payload?.[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_EXCEEDED');
      expect(errors[0]?.payload?.[0]?.message).toContain('dev-ioc-viewer already has 2 subscriptions');
    } finally {
      await capped.close();
    }
  });

  it("a closed socket gives its subscriptions back: the caller cap counts only live ones", async () => {
    const capped = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: stack.supergraphPath, auth: devAuthOptions(stack.secrets), logger: silent, limits: { subscriptionsPerCaller: 2 } });
    try {
      await expect.poll(async () => (await fetch(capped.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
      const authorization = `Bearer ${await token('ioc-viewer')}`;
      const refusedIds = async (count: number) =>
        (await subscribeMany(capped.url, authorization, count, () => false, 800)).filter((message) => message.type === 'error').map((message) => message.id);
      expect(await refusedIds(2)).toEqual([]);
      // The first socket is closed now; its two subscriptions must no longer count.
      await expect.poll(() => refusedIds(2), { timeout: 10_000 }).toEqual([]);
      expect(await refusedIds(3)).toEqual(['s2']);
    } finally {
      await capped.close();
    }
  });
});
