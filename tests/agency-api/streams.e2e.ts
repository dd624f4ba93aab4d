import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot } from '@ioc/infra/schemas';
import { startStack, type Stack } from '../support/stack';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'gateway', 'persisted-operations.json'), 'utf8')) as { operations: Array<{ name: string; body: string }> };
const bodyOf = (name: string) => manifest.operations.find((operation) => operation.name === name)!.body;

let stack: Stack;
const sockets: Client[] = [];
const fixtures = { alertAgency: '', alertId: '', dossierAgency: '', serviceId: '', communeCode: '' };

/** An agency client's persisted subscription, by its catalogue text; events collected as they come. */
async function subscribe(agencyId: string, name: string): Promise<{ events: Array<Record<string, unknown>>; errors: unknown[] }> {
  const token = await stack.tokenFor('agency-client', agencyId);
  const client = createClient({ url: stack.gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  sockets.push(client);
  const received = { events: [] as Array<Record<string, unknown>>, errors: [] as unknown[] };
  client.subscribe(
    { query: bodyOf(name), operationName: name, variables: {} },
    {
      next: (result) => (result.errors ? received.errors.push(...result.errors) : received.events.push(result.data as Record<string, unknown>)),
      error: (error) => received.errors.push(error),
      complete: () => undefined,
    },
  );
  await new Promise<void>((resolve) => client.on('connected', () => resolve()));
  return received;
}

/**
 * Runs `trigger` until what it returns (an id) is among `seen()`: these streams have no resume
 * cursor, and the socket's subscription may not have reached the subgraph when the first event is
 * published. Returns every id triggered.
 */
async function triggerUntilSeen(trigger: () => Promise<string>, seen: () => string[]): Promise<string[]> {
  const triggered: string[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    triggered.push(await trigger());
    const arrived = await expect
      .poll(() => seen(), { timeout: 1000 })
      .toContain(triggered.at(-1))
      .then(
        () => true,
        () => false,
      );
    if (arrived) return triggered;
  }
  throw new Error(`never delivered: ${triggered.join(', ')}`);
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  const db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  try {
    const alert = (await db.query<{ id: string; agency: string }>(`SELECT id, agency_id AS agency FROM security.alert WHERE status = 'NEW' AND agency_id IS NOT NULL ORDER BY sequence DESC LIMIT 1`)).rows[0]!;
    Object.assign(fixtures, { alertId: alert.id, alertAgency: alert.agency });
    const dossier = (await db.query<{ service: string; commune: string; agency: string }>(`SELECT service_id AS service, commune_code AS commune, agency_id AS agency FROM egov.dossier ORDER BY id LIMIT 1`)).rows[0]!;
    Object.assign(fixtures, { serviceId: dossier.service, communeCode: dossier.commune, dossierAgency: dossier.agency });
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await stack?.stop();
});

describe("an agency client's live streams", () => {
  it('MyAlertsUpdated: an analyst acknowledging one of its alerts reaches it, with the sequence', async () => {
    const stream = await subscribe(fixtures.alertAgency, 'MyAlertsUpdated');
    let status = 'INVESTIGATING';
    await triggerUntilSeen(
      async () => {
        status = status === 'ACKNOWLEDGED' ? 'INVESTIGATING' : 'ACKNOWLEDGED';
        const triaged = await stack.query(`mutation { updateAlert(id: "${fixtures.alertId}", status: ${status}) { id } }`, {}, 'soc-analyst');
        expect(triaged.errors).toBeUndefined();
        return fixtures.alertId;
      },
      () => stream.events.map((event) => (event.alertUpdated as { id: string }).id),
    );
    expect(stream.errors).toEqual([]);
    expect(stream.events.at(-1)!.alertUpdated).toMatchObject({ id: fixtures.alertId, status, sequence: expect.stringMatching(/^\d+$/) });
  });

  it("MyDossiersReceived: a dossier received for one of its services reaches it, and not another agency's stream", async () => {
    const own = await subscribe(fixtures.dossierAgency, 'MyDossiersReceived');
    const other = await subscribe(fixtures.alertAgency === fixtures.dossierAgency ? 'STP' : fixtures.alertAgency, 'MyDossiersReceived');
    const ids = (events: Array<Record<string, unknown>>) => events.map((event) => (event.dossierReceived as { id: string }).id);
    const triggered = await triggerUntilSeen(async () => {
      const received = await stack.query<{ receiveDossier: { id: string } }>(
        'mutation R($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }',
        { input: { serviceId: fixtures.serviceId, communeCode: fixtures.communeCode, channel: 'ONLINE' } },
        'ingest',
      );
      expect(received.errors).toBeUndefined();
      return received.data!.receiveDossier.id;
    }, () => ids(own.events));
    expect(own.errors).toEqual([]);
    expect(ids(other.events).filter((id) => triggered.includes(id))).toEqual([]);
  });
});
