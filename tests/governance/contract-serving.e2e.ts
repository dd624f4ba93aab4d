import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearerSocket, subscribe } from '@ioc/kit/testing';
import { repoRoot } from '@ioc/infra/schemas';
import { startStack, type Stack } from '../support/stack';

/**
 * The gateway serves agency clients their contract: a field without the `agency` tag is absent
 * from what they can introspect and refused when an operation asks for it, even one on the
 * allow-list (here a list extended with such operations), over HTTP and WebSocket.
 */
const outsideQuery = 'query AgencyAlertServers { alerts(first: 1) { nodes { id server { hostname } } } }';
const outsideSubscription = 'subscription AgencyAlertAssignees { alertRaised { id assignee } }';
const introspectAlert = '{ __type(name: "Alert") { fields { name } } server: __type(name: "Server") { name } }';

let stack: Stack;

beforeAll(async () => {
  const allowList = JSON.parse(readFileSync(join(repoRoot, 'gateway/persisted-operations.json'), 'utf8')) as { operations: Array<{ name: string; body: string }> };
  allowList.operations.push({ name: 'AgencyAlertServers', body: outsideQuery }, { name: 'AgencyAlertAssignees', body: outsideSubscription });
  const persistedOperationsPath = join(mkdtempSync(join(tmpdir(), 'contract-serving-')), 'persisted-operations.json');
  writeFileSync(persistedOperationsPath, JSON.stringify(allowList));
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), persistedOperationsPath });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the agency contract at the gateway', () => {
  it('refuses an agency client a field without the tag, naming it; an analyst runs the same operation', async () => {
    const refused = await stack.query(outsideQuery, {}, 'agency-client', 'STTTT');
    expect(refused.errors).toEqual([
      expect.objectContaining({ message: 'outside the "agency" contract: Cannot query field "server" on type "Alert".', extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', contract: 'agency' }) }),
    ]);
    const analyst = await stack.query<{ alerts: { nodes: unknown[] } }>(outsideQuery, {}, 'soc-analyst');
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data?.alerts.nodes).toHaveLength(1);
  });

  it('answers an agency client introspection from its contract', async () => {
    type Introspected = { __type: { fields: Array<{ name: string }> } | null; server: { name: string } | null };
    const asAgency = await stack.query<Introspected>(introspectAlert, {}, 'agency-client', 'STTTT');
    expect(asAgency.errors).toBeUndefined();
    const names = asAgency.data!.__type!.fields.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['id', 'cve', 'sequence']));
    expect(names).not.toContain('server');
    expect(asAgency.data!.server).toBeNull();

    const asAnalyst = await stack.query<Introspected>(introspectAlert, {}, 'soc-analyst');
    expect(asAnalyst.data!.__type!.fields.map((field) => field.name)).toContain('server');
    expect(asAnalyst.data!.server).toEqual({ name: 'Server' });
  });

  it("serves each caller's schema as SDL, the committed contract to agency clients", async () => {
    const sdl = async (role: Parameters<Stack['tokenFor']>[0], agencyId?: string) => {
      const response = await fetch(new URL('/schema.graphql', stack.gateway.url), { headers: { authorization: `Bearer ${await stack.tokenFor(role, agencyId)}` } });
      expect(response.status).toBe(200);
      return response.text();
    };
    const committed = readFileSync(join(repoRoot, 'gateway/contracts/agency.graphql'), 'utf8').replace(/^#.*\n/, '');
    expect(await sdl('agency-client', 'STTTT')).toBe(committed.trimEnd());
    expect(printSchema(stack.gateway.schemaFor({ role: 'agency-client' })!)).toBe(committed.trimEnd());
    expect(await sdl('ioc-viewer')).toContain('type Mutation');
    expect((await fetch(new URL('/schema.graphql', stack.gateway.url))).status).toBe(401);
  });

  it('refuses a subscription outside the contract over WebSocket, naming the field', async () => {
    const client = bearerSocket(stack.gateway.url, await stack.tokenFor('agency-client', 'STTTT'));
    try {
      const live = subscribe(client, outsideSubscription);
      await live.completed;
      expect(live.errors).toEqual([expect.objectContaining({ message: 'outside the "agency" contract: Cannot query field "assignee" on type "Alert".' })]);
    } finally {
      await client.dispose();
    }
  });
});
