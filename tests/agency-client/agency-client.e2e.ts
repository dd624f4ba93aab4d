import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { raiseAlert, raiseAlertOnSubgraph } from '../browser/support/alerts';
import { startStack, type Stack } from '../support/stack';
import { AgencyClient, GraphQLRequestError } from './client';
import { MyAlert, MyOpenAlerts } from './operations';

let stack: Stack;
let client: AgencyClient;
/** The system the shared alert helpers raise on (iOffice), its owner, and another agency's system. */
const fixtures = { agencyId: '', systemId: 'ioffice', otherSystemId: '' };
let titles = 0;
const uniqueTitle = () => `agency-client test ${process.pid}-${++titles}`;

const raise = `mutation AgencyClientTest_Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { alert { id } } }`;

/** An intrusion on another agency's system (ingest role, which reads back only the id). */
async function raiseOtherAgencyAlert(title: string): Promise<void> {
  const result = await stack.query(raise, { input: { kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '1', title, systemId: fixtures.otherSystemId } }, 'ingest');
  if (result.errors) throw new Error(`raiseAlert failed: ${JSON.stringify(result.errors)}`);
}

/** Reads `stream` in the background into `seen`; `seen()` throws the stream's error, if it ended with one. */
function collect<T>(stream: AsyncGenerator<T>): { seen: () => T[]; done: Promise<unknown> } {
  const items: T[] = [];
  let failure: unknown;
  const done = (async () => {
    for await (const item of stream) items.push(item);
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    seen: () => {
      if (failure) throw failure;
      return items;
    },
    done,
  };
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  const db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  try {
    const own = await db.query<{ agency: string }>(`SELECT owner_agency_id AS agency FROM security.security_profile WHERE system_id = $1`, [fixtures.systemId]);
    fixtures.agencyId = own.rows[0]!.agency;
    const other = await db.query<{ system: string }>(`SELECT system_id AS system FROM security.security_profile WHERE owner_agency_id <> $1 ORDER BY system_id LIMIT 1`, [fixtures.agencyId]);
    fixtures.otherSystemId = other.rows[0]!.system;
  } finally {
    await db.end();
  }
  client = new AgencyClient({ url: stack.gateway.url, token: () => stack.tokenFor('agency-client', fixtures.agencyId) });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the example agency client', () => {
  it('runs its typed queries by hash alone, and reads only its own agency', async () => {
    const page = await client.query(MyOpenAlerts, { first: 50 });
    expect(page.alerts.totalCount).toBeGreaterThan(0);
    const first = page.alerts.nodes[0]!;
    expect(first.sequence).toMatch(/^\d+$/);
    const alert = await client.query(MyAlert, { id: first.id });
    expect(alert.alert?.id).toBe(first.id);
    // every system on the page belongs to the caller's agency
    const systems = new Set(page.alerts.nodes.map((node) => node.system?.id));
    expect(systems.has(fixtures.otherSystemId)).toBe(false);
  });

  it('gets its refusals as coded errors (an expired token: UNAUTHENTICATED)', async () => {
    const expired = new AgencyClient({ url: stack.gateway.url, token: () => 'not-a-token' });
    await expect(expired.query(MyOpenAlerts, { first: 5 })).rejects.toSatisfy((error: unknown) => error instanceof GraphQLRequestError && error.status === 401);
  });

  it('subscribes to its own alerts, and after the gateway restarts resumes from the last sequence: nothing missed, nothing twice', async () => {
    // From the latest alert on, so an alert raised before the socket is up still comes (replayed).
    const db = new pg.Client({ connectionString: stack.database.url });
    await db.connect();
    const latest = (await db.query<{ sequence: string }>('SELECT max(sequence)::text AS sequence FROM security.alert').finally(() => db.end())).rows[0]!.sequence;
    const abort = new AbortController();
    const stream = collect(client.alertsRaised({ after: latest, signal: abort.signal, retryDelayMs: 200 }));
    try {
      // The subscription is live once an alert raised now arrives.
      const before = await raiseAlert(stack, uniqueTitle());
      await expect.poll(() => stream.seen().map((alert) => alert.id), { timeout: 20_000 }).toContain(before.id);
      await raiseOtherAgencyAlert(uniqueTitle()); // never delivered

      await stack.stopGateway();
      const whileDown = await raiseAlertOnSubgraph(stack, uniqueTitle()); // as the feed's retry lands it while the gateway is away
      await stack.startGateway();

      const after = await raiseAlert(stack, uniqueTitle());
      await expect.poll(() => stream.seen().map((alert) => alert.id), { timeout: 30_000 }).toContain(after.id);
      const ids = stream.seen().map((alert) => alert.id);
      expect(ids.filter((id) => id === whileDown.id)).toHaveLength(1);
      expect(ids.indexOf(whileDown.id)).toBeLessThan(ids.indexOf(after.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(stream.seen().every((alert) => alert.system?.id !== fixtures.otherSystemId)).toBe(true);
      const sequences = stream.seen().map((alert) => BigInt(alert.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    } finally {
      abort.abort();
      await stream.done;
    }
  });
});
