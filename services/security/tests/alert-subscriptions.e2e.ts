import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecurity, type SecurityHarness } from './support';
import { subgraphSocket, subscribe, untilLive, eventually, type Live } from '@ioc/kit/testing';

const raise = /* GraphQL */ `
  mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated alert { id sequence title } } }
`;
const update = /* GraphQL */ `
  mutation Update($id: String!, $status: AlertStatus, $assignee: String) { updateAlert(id: $id, status: $status, assignee: $assignee) { id } }
`;
const raised = /* GraphQL */ `
  subscription Raised($after: String, $systemId: String, $agencyId: String, $minSeverity: AlertSeverity, $kind: AlertKind) {
    alertRaised(after: $after, systemId: $systemId, agencyId: $agencyId, minSeverity: $minSeverity, kind: $kind) { id sequence title severity agency { id } }
  }
`;
const updated = /* GraphQL */ `
  subscription Updated($systemId: String, $status: AlertStatus) {
    alertUpdated(systemId: $systemId, status: $status) { id title status assignee occurrences }
  }
`;

interface RaisedEvent {
  alertRaised: { id: string; sequence: string; title: string; severity: string; agency: { id: string } };
}
interface UpdatedEvent {
  alertUpdated: { id: string; title: string; status: string; assignee: string | null; occurrences: number };
}

let h: SecurityHarness;
const clients: Client[] = [];
let probe = 0;

const socket = (caller = {}) => {
  const client = subgraphSocket(h.server.url, caller);
  clients.push(client);
  return client;
};

/** Raises a new alert (a unique title, so never a repeat) on `systemId`; CRITICAL unless `rawSeverity` says otherwise. */
async function raiseAlert(title: string, systemId = 'ioffice', rawSeverity = '1'): Promise<{ id: string; sequence: string }> {
  const result = await h.gql(raise, { input: { kind: 'INTRUSION', source: 'SURICATA', rawSeverity, title, systemId } });
  expect(result.errors).toBeUndefined();
  expect(result.data.raiseAlert.deduplicated).toBe(false);
  return result.data.raiseAlert.alert;
}

const titles = (live: Live<RaisedEvent>) => live.events.map((event) => event.alertRaised.title);

beforeAll(async () => {
  h = await startSecurity('sec_live');
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await h?.stop();
});

describe('alertRaised', () => {
  it('resumes after a cursor: every alert raised while away once, in order, then live ones', async () => {
    const first = subscribe<RaisedEvent>(socket(), raised, { systemId: 'ioffice' });
    await untilLive(first, () => raiseAlert(`probe ${probe++}`));
    const cursor = first.events.at(-1)!.alertRaised.sequence;
    first.stop();

    const missed = [await raiseAlert('missed 1'), await raiseAlert('missed 2 on another system', 'official-email'), await raiseAlert('missed 3')];
    expect(BigInt(missed[2]!.sequence)).toBeGreaterThan(BigInt(cursor));

    const resumed = subscribe<RaisedEvent>(socket(), raised, { systemId: 'ioffice', after: cursor });
    await resumed.waitFor(2);
    expect(titles(resumed)).toEqual(['missed 1', 'missed 3']);

    await untilLive(resumed, () => raiseAlert(`live ${probe++}`));
    const seen = titles(resumed);
    expect(seen.slice(0, 2)).toEqual(['missed 1', 'missed 3']);
    expect(seen[2]).toMatch(/^live /);
    expect(new Set(seen).size).toBe(seen.length);
    const sequences = resumed.events.map((event) => BigInt(event.alertRaised.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    resumed.stop();
  });

  it('resuming from the latest cursor replays nothing', async () => {
    const latest = await raiseAlert('latest before resume');
    const resumed = subscribe<RaisedEvent>(socket(), raised, { systemId: 'ioffice', after: latest.sequence });
    await untilLive(resumed, () => raiseAlert(`after latest ${probe++}`));
    expect(titles(resumed)[0]).toMatch(/^after latest /);
    expect(titles(resumed)).not.toContain('latest before resume');
    resumed.stop();
  });

  it('keeps only alerts at least as severe as minSeverity', async () => {
    const live = subscribe<RaisedEvent>(socket(), raised, { minSeverity: 'HIGH' });
    await untilLive(live, () => raiseAlert(`severe probe ${probe++}`));
    await raiseAlert('low noise', 'ioffice', '4');
    await raiseAlert('critical one');
    await eventually(() => titles(live).includes('critical one'));
    expect(titles(live)).not.toContain('low noise');
    expect(live.events.every((event) => ['HIGH', 'CRITICAL'].includes(event.alertRaised.severity))).toBe(true);
    live.stop();
  });

  it('limits an agency client to its own agency and refuses another one', async () => {
    const other = subscribe<RaisedEvent>(socket({ role: 'agency-client', agencyId: 'STTTT' }), raised, { agencyId: 'SKHDT' });
    await other.completed;
    expect(other.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const own = subscribe<RaisedEvent>(socket({ role: 'agency-client', agencyId: 'STTTT' }), raised);
    await untilLive(own, () => raiseAlert(`agency probe ${probe++}`));
    await raiseAlert('on the business portal (SKHDT)', 'business-portal');
    await raiseAlert('on iOffice (STTTT)');
    await eventually(() => titles(own).includes('on iOffice (STTTT)'));
    expect(titles(own)).not.toContain('on the business portal (SKHDT)');
    expect(own.events.every((event) => event.alertRaised.agency.id === 'STTTT')).toBe(true);
    own.stop();
  });

  it('refuses a malformed cursor, an unknown system, and roles without access to alert details', async () => {
    const bad = subscribe(socket(), raised, { after: 'yesterday' });
    await bad.completed;
    expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const unknown = subscribe(socket(), raised, { systemId: 'no-such-system' });
    await unknown.completed;
    expect(unknown.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'systemId' } });
    for (const role of ['ingest', 'ioc-viewer'] as const) {
      const refused = subscribe(socket({ role }), raised);
      await refused.completed;
      expect(refused.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('reads the announced alert with one query per event', async () => {
    const live = subscribe<RaisedEvent>(socket(), 'subscription { alertRaised { id title } }');
    await untilLive(live, () => raiseAlert(`query probe ${probe++}`));
    const alert = await raiseAlert('counted');
    await eventually(() => live.events.some((event) => event.alertRaised.title === 'counted'));
    h.resetQueries();
    await h.server.bus.publish('alert.raised', { id: alert.id });
    await eventually(() => live.events.filter((event) => event.alertRaised.title === 'counted').length === 2);
    expect(h.queries).toHaveLength(1);
    expect(h.queries[0]).toMatch(/FROM "security"."alert"/);
    live.stop();
  });
});

describe('alertUpdated', () => {
  it('delivers triage changes and repeats of an open alert (occurrences)', async () => {
    const live = subscribe<UpdatedEvent>(socket(), updated, { systemId: 'ioffice' });
    const target = await raiseAlert('to be triaged');
    await untilLive(live, () => h.gql(update, { id: target.id, assignee: `analyst ${probe++}` }));

    await h.gql(update, { id: target.id, status: 'ACKNOWLEDGED', assignee: 'analyst.le' });
    await eventually(() => live.events.some((event) => event.alertUpdated.status === 'ACKNOWLEDGED'));
    expect(live.events.find((event) => event.alertUpdated.status === 'ACKNOWLEDGED')!.alertUpdated).toMatchObject({ id: target.id, assignee: 'analyst.le' });

    const input = { kind: 'MALWARE', source: 'WAZUH', rawSeverity: '12', title: 'Repeated malware', systemId: 'ioffice', fingerprint: 'wazuh:live-test:0001' };
    await h.gql(raise, { input });
    const again = await h.gql(raise, { input });
    expect(again.data.raiseAlert.deduplicated).toBe(true);
    await eventually(() => live.events.some((event) => event.alertUpdated.title === 'Repeated malware'));
    expect(live.events.filter((event) => event.alertUpdated.title === 'Repeated malware').map((event) => event.alertUpdated.occurrences)).toEqual([2]);
    live.stop();
  });

  it('filters by the status an update leaves the alert in', async () => {
    const live = subscribe<UpdatedEvent>(socket(), updated, { status: 'FALSE_POSITIVE' });
    await untilLive(live, async () => {
      const alert = await raiseAlert(`false positive probe ${probe++}`);
      await h.gql(update, { id: alert.id, status: 'FALSE_POSITIVE' });
    });
    const kept = await raiseAlert('assigned only');
    await h.gql(update, { id: kept.id, assignee: 'analyst.pham' });
    const closed = await raiseAlert('closed as false positive');
    await h.gql(update, { id: closed.id, status: 'FALSE_POSITIVE' });
    await eventually(() => live.events.some((event) => event.alertUpdated.id === closed.id));
    expect(live.events.map((event) => event.alertUpdated.id)).not.toContain(kept.id);
    expect(live.events.every((event) => event.alertUpdated.status === 'FALSE_POSITIVE')).toBe(true);
    live.stop();
  });
});

describe('securityIndicatorChanged', () => {
  it('delivers the SECURITY indicators a grading approval moves, and ignores other subgraphs\' indicator events', async () => {
    const live = subscribe<{ securityIndicatorChanged: { code: string; actual: number | null; status: string } }>(
      socket(),
      'subscription { securityIndicatorChanged { code actual status } }',
    );
    const approve = 'mutation($systemId: String!) { approveSecurityLevel(systemId: $systemId, level: 3) { level } }';
    await untilLive(live, () => h.gql(approve, { systemId: 'db-land' }));
    // Each approval announces its two indicators together: let the pair of the probe arrive.
    await eventually(() => live.events.length % 2 === 0);
    const before = live.events.length;
    await h.server.bus.publish('indicator.changed', { code: 'adultsWithSmartphoneShare', subgraph: 'economy' });
    await h.server.bus.publish('indicator.changed', { subgraph: 'egov', domain: 'DIGITAL_GOVERNMENT', codes: ['dossiersOnlineShare'] });
    await h.gql(approve, { systemId: 'db-land' });
    await live.waitFor(before + 2);
    const codes = live.events.slice(before).map((event) => event.securityIndicatorChanged.code);
    expect(codes.sort()).toEqual(['gradedSystemsInspectedShare', 'systemsGradedShare']);
    expect(live.events.every((event) => typeof event.securityIndicatorChanged.actual === 'number')).toBe(true);
    live.stop();
  });
});

describe('openAlertCountsChanged', () => {
  interface CountsEvent {
    openAlertCountsChanged: { open: number; critical: number; high: number; medium: number; low: number };
  }
  const counts = 'subscription { openAlertCountsChanged { open critical high medium low } }';

  it('gives viewers the open counts again after an alert is raised and after it is closed, with no alert detail', async () => {
    const live = subscribe<CountsEvent>(socket({ role: 'ioc-viewer' }), counts);
    await untilLive(live, () => raiseAlert(`count probe ${probe++}`));
    const before = live.events.at(-1)!.openAlertCountsChanged;
    const { id } = await raiseAlert(`counted critical ${probe++}`);
    await eventually(() => live.events.at(-1)!.openAlertCountsChanged.open === before.open + 1);
    expect(live.events.at(-1)!.openAlertCountsChanged.critical).toBe(before.critical + 1);
    const seen = live.events.length;
    expect((await h.gql(update, { id, status: 'FALSE_POSITIVE' })).errors).toBeUndefined();
    await eventually(() => live.events.length > seen && live.events.at(-1)!.openAlertCountsChanged.open === before.open);
    const last = live.events.at(-1)!.openAlertCountsChanged;
    expect(last.open).toBe(last.critical + last.high + last.medium + last.low);
    live.stop();
  });

  it('is refused to roles without dashboards', async () => {
    for (const role of ['ingest', 'agency-client'] as const) {
      const refused = subscribe(socket({ role, agencyId: 'STTTT' }), counts);
      await refused.completed;
      expect(refused.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
  });
});
