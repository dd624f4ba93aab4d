import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStream } from '@ioc/kit';
import { subgraphSocket, subscribe, untilLive } from '@ioc/kit/testing';
import { collect, firstError, startSecurity, type SecurityHarness } from './support';

const raise = /* GraphQL */ `mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { alert { id } } }`;
const update = /* GraphQL */ `
  mutation Update($id: String!, $status: AlertStatus, $assignee: String, $note: String) {
    updateAlert(id: $id, status: $status, assignee: $assignee, note: $note) { id status assignee closedAt acknowledgedAt }
  }
`;
const bulk = /* GraphQL */ `
  mutation Bulk($ids: [String!]!, $status: AlertStatus, $assignee: String, $note: String) {
    updateAlerts(ids: $ids, status: $status, assignee: $assignee, note: $note) { id status assignee }
  }
`;
const history = /* GraphQL */ `
  query History($id: String!) {
    alert(id: $id) { status transitions { fromStatus toStatus assignee actor note at } comments { author body createdAt } }
  }
`;
const comment = /* GraphQL */ `mutation Comment($id: String!, $body: String!) { commentAlert(id: $id, body: $body) { id author body } }`;
const incidentFields = `id title severity status detectedAt reportDueAt containDueAt resolveDueAt containedAt closedAt reportedAt createdBy
  slaStatus slaBreached containBreached resolveBreached nearingReportDeadline alertCount alerts { id } system { id } agency { id }`;
const createIncident = /* GraphQL */ `mutation Create($input: CreateIncidentInput!) { createIncident(input: $input) { ${incidentFields} } }`;
const addAlerts = /* GraphQL */ `mutation Add($id: String!, $alertIds: [String!]!) { addAlertsToIncident(id: $id, alertIds: $alertIds) { ${incidentFields} } }`;
const removeAlerts = /* GraphQL */ `mutation Remove($id: String!, $alertIds: [String!]!) { removeAlertsFromIncident(id: $id, alertIds: $alertIds) { ${incidentFields} } }`;
const updateIncident = /* GraphQL */ `mutation Move($id: String!, $status: IncidentStatus!) { updateIncident(id: $id, status: $status) { ${incidentFields} } }`;
const reportIncident = /* GraphQL */ `mutation Report($id: String!, $reportedAt: String) { reportIncident(id: $id, reportedAt: $reportedAt) { ${incidentFields} } }`;

const analyst = { role: 'soc-analyst', subject: 'soc.thao' } as const;
const hourMs = 60 * 60 * 1000;

describe('triage workflow, bulk actions and incidents', () => {
  let h: SecurityHarness;
  let stream: EventStream<{ id: string }>;
  let incidentEvents: Array<{ id: string }>;
  let n = 0;
  const count = async (sql: string, params: unknown[] = []) => Number((await h.server.db.query(sql, params))[0].n);
  /** A fresh alert on the given server, first seen `hoursAgo` ago. */
  const newAlert = async (change: Record<string, unknown> = {}, hoursAgo = 1): Promise<string> => {
    const input = { kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '2', title: `ET EXPLOIT triage probe ${++n}`, serverId: 'vm-001', observedAt: new Date(Date.now() - hoursAgo * hourMs).toISOString(), ...change };
    const result = await h.gql(raise, { input });
    expect(result.errors).toBeUndefined();
    return result.data.raiseAlert.alert.id;
  };

  beforeAll(async () => {
    h = await startSecurity('sec_triage');
    stream = await h.server.bus.subscribe('incident.changed');
    incidentEvents = collect(stream);
  });
  afterAll(async () => {
    await stream?.return();
    await h?.stop();
  });

  it('records every step with its actor and note, keeps comments, and reopens a closed alert only with a note', async () => {
    const id = await newAlert();
    await h.gql(update, { id, status: 'ACKNOWLEDGED', assignee: 'soc.thao' }, analyst);
    await h.gql(update, { id, assignee: 'soc.khang' }, analyst);
    await h.gql(update, { id, status: 'RESOLVED', note: 'blocked at the firewall' }, analyst);
    expect((await h.gql(comment, { id, body: '  vendor confirmed the scan  ' }, analyst)).data.commentAlert).toMatchObject({ author: 'soc.thao', body: 'vendor confirmed the scan' });

    const noNote = await h.gql(update, { id, status: 'INVESTIGATING' }, analyst);
    expect(firstError(noNote)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'note' });
    const wrongWay = await h.gql(update, { id, status: 'ACKNOWLEDGED', note: 'again' }, analyst);
    expect(firstError(wrongWay)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(firstError(wrongWay).message).toMatch(/from RESOLVED to ACKNOWLEDGED; allowed: INVESTIGATING/);
    const reopened = await h.gql(update, { id, status: 'INVESTIGATING', note: 'it came back from another IP' }, analyst);
    expect(reopened.data.updateAlert).toMatchObject({ status: 'INVESTIGATING', closedAt: null, assignee: 'soc.khang' });

    const { alert } = (await h.gql(history, { id }, analyst)).data;
    expect(alert.transitions.map((step: any) => [step.fromStatus, step.toStatus, step.assignee, step.actor, step.note])).toEqual([
      ['NEW', 'ACKNOWLEDGED', 'soc.thao', 'soc.thao', null],
      ['ACKNOWLEDGED', 'ACKNOWLEDGED', 'soc.khang', 'soc.thao', null],
      ['ACKNOWLEDGED', 'RESOLVED', 'soc.khang', 'soc.thao', 'blocked at the firewall'],
      ['RESOLVED', 'INVESTIGATING', 'soc.khang', 'soc.thao', 'it came back from another IP'],
    ]);
    expect(alert.comments).toEqual([expect.objectContaining({ author: 'soc.thao', body: 'vendor confirmed the scan' })]);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE $1 = ANY(target_ids) AND operation IN ('updateAlert', 'commentAlert')`, [id])).toBe(5);
  });

  it('refuses to reopen an alert while another with its fingerprint is open', async () => {
    const input = { fingerprint: `suricata:2024897:vm-002:${Date.now()}`, serverId: 'vm-002' };
    const first = await newAlert(input);
    await h.gql(update, { id: first, status: 'FALSE_POSITIVE' });
    const second = await newAlert(input);
    expect(second).not.toBe(first);
    const result = await h.gql(update, { id: first, status: 'INVESTIGATING', note: 'not a false positive after all' });
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(firstError(result).message).toContain(`${second} with the same fingerprint is open`);
  });

  it('acknowledges, assigns and marks false positive many alerts at once', async () => {
    const ids = [await newAlert(), await newAlert(), await newAlert()];
    const acknowledged = await h.gql(bulk, { ids, status: 'ACKNOWLEDGED', assignee: 'soc.lam' }, analyst);
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data.updateAlerts).toEqual(ids.map((id) => ({ id, status: 'ACKNOWLEDGED', assignee: 'soc.lam' })));
    const assigned = await h.gql(bulk, { ids: [ids[1], ids[1], ids[2]], assignee: 'soc.thao' }, analyst);
    expect(assigned.data.updateAlerts.map((alert: any) => alert.assignee)).toEqual(['soc.thao', 'soc.thao']);
    const closed = await h.gql(bulk, { ids, status: 'FALSE_POSITIVE', note: 'our own scanner' }, analyst);
    expect(closed.data.updateAlerts.every((alert: any) => alert.status === 'FALSE_POSITIVE')).toBe(true);
    expect(await count('SELECT count(*) AS n FROM alert_transition WHERE alert_id = ANY($1)', [ids])).toBe(8);
  });

  it('is all or nothing: one alert that refuses the step, or one unknown id, changes none and is named', async () => {
    const fresh = [await newAlert(), await newAlert()];
    const closed = await newAlert();
    await h.gql(update, { id: closed, status: 'FALSE_POSITIVE' });
    const before = await h.server.db.query('SELECT id, status, assignee, updated_at FROM alert WHERE id = ANY($1) ORDER BY id', [[...fresh, closed]]);
    const transitions = await count('SELECT count(*) AS n FROM alert_transition');

    const refused = await h.gql(bulk, { ids: [...fresh, closed], status: 'ACKNOWLEDGED', assignee: 'soc.lam' }, analyst);
    expect(firstError(refused)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(firstError(refused).message).toContain(`cannot move ${closed} from FALSE_POSITIVE to ACKNOWLEDGED`);
    const unknown = await h.gql(bulk, { ids: [...fresh, 'alert-0'], status: 'ACKNOWLEDGED' }, analyst);
    expect(firstError(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    expect(firstError(unknown).message).toContain('"alert-0"');
    expect(firstError(await h.gql(bulk, { ids: [], status: 'ACKNOWLEDGED' }, analyst))).toMatchObject({ argument: 'ids' });
    expect(firstError(await h.gql(bulk, { ids: Array.from({ length: 501 }, (_, i) => `alert-${i + 1}`), status: 'ACKNOWLEDGED' }, analyst))).toMatchObject({ argument: 'ids' });

    expect(await h.server.db.query('SELECT id, status, assignee, updated_at FROM alert WHERE id = ANY($1) ORDER BY id', [[...fresh, closed]])).toEqual(before);
    expect(await count('SELECT count(*) AS n FROM alert_transition')).toBe(transitions);
  });

  it('groups alerts into an incident with the legal clock and SLA deadlines of its severity, live', async () => {
    // Detected 30 hours ago (the earliest alert): CRITICAL's defaults are contain 4 h, resolve 24 h, both past.
    const ids = [await newAlert({ rawSeverity: '1' }, 30), await newAlert({}, 2)];
    const created = await h.gql(createIncident, { input: { title: 'Exploit campaign on iOffice', alertIds: ids } }, analyst);
    expect(created.errors).toBeUndefined();
    const incident = created.data.createIncident;
    const detectedAt = new Date(incident.detectedAt).getTime();
    expect(Math.abs(detectedAt - (Date.now() - 30 * hourMs))).toBeLessThan(60_000);
    expect(incident).toMatchObject({
      severity: 'CRITICAL', status: 'OPEN', createdBy: 'soc.thao', alertCount: 2, system: { id: 'ioffice' }, agency: { id: 'STTTT' },
      slaStatus: 'DUE', slaBreached: false, containBreached: true, resolveBreached: true, nearingReportDeadline: false,
    });
    expect(incident.id).toMatch(/^INC-\d{4}-\d{4}$/);
    expect(new Date(incident.reportDueAt).getTime() - detectedAt).toBe(5 * 24 * hourMs);
    expect(new Date(incident.containDueAt).getTime() - detectedAt).toBe(4 * hourMs);
    expect(new Date(incident.resolveDueAt).getTime() - detectedAt).toBe(24 * hourMs);
    expect(incident.alerts.map((alert: any) => alert.id).sort()).toEqual([...ids].sort());
    await expect.poll(() => incidentEvents.some((event) => event.id === incident.id)).toBe(true);

    // An alert may be in one incident only: a second incident with it is refused, nothing written.
    const incidents = await count('SELECT count(*) AS n FROM incident');
    const taken = await h.gql(createIncident, { input: { title: 'again', alertIds: [ids[0], await newAlert()] } }, analyst);
    expect(firstError(taken)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.alertIds' });
    expect(firstError(taken).message).toContain(`${ids[0]} is already in incident ${incident.id}`);
    expect(await count('SELECT count(*) AS n FROM incident')).toBe(incidents);
  });

  it('adds an earlier alert (deadlines come forward), removes one but never the last, and moves and reports the incident', async () => {
    const first = await newAlert({ rawSeverity: '3' }, 1);
    const { data } = await h.gql(createIncident, { input: { title: 'Scans on the portal', alertIds: [first] } }, analyst);
    const incident = data.createIncident;
    expect(incident).toMatchObject({ severity: 'MEDIUM', containBreached: false, resolveBreached: false });

    const earlier = await newAlert({ rawSeverity: '2', serverId: 'vm-002' }, 10);
    const grown = (await h.gql(addAlerts, { id: incident.id, alertIds: [earlier] }, analyst)).data.addAlertsToIncident;
    expect(grown).toMatchObject({ severity: 'HIGH', alertCount: 2, containBreached: true });
    expect(new Date(grown.detectedAt).getTime()).toBeLessThan(new Date(incident.detectedAt).getTime());
    expect(new Date(grown.reportDueAt).getTime() - new Date(grown.detectedAt).getTime()).toBe(5 * 24 * hourMs);
    expect(new Date(grown.containDueAt).getTime() - new Date(grown.detectedAt).getTime()).toBe(8 * hourMs);

    const shrunk = (await h.gql(removeAlerts, { id: incident.id, alertIds: [first] }, analyst)).data.removeAlertsFromIncident;
    expect(shrunk.alerts).toEqual([{ id: earlier }]);
    expect(firstError(await h.gql(removeAlerts, { id: incident.id, alertIds: [earlier] }, analyst))).toMatchObject({ argument: 'alertIds' });
    expect(firstError(await h.gql(removeAlerts, { id: incident.id, alertIds: [first] }, analyst))).toMatchObject({ argument: 'alertIds' });

    expect(firstError(await h.gql(reportIncident, { id: incident.id, reportedAt: '2020-01-01T00:00:00Z' }, analyst))).toMatchObject({ argument: 'reportedAt' });
    const reported = (await h.gql(reportIncident, { id: incident.id }, analyst)).data.reportIncident;
    expect(reported).toMatchObject({ slaStatus: 'REPORTED_ON_TIME', slaBreached: false, nearingReportDeadline: false });
    expect(firstError(await h.gql(reportIncident, { id: incident.id }, analyst))).toMatchObject({ argument: 'id' });

    const contained = (await h.gql(updateIncident, { id: incident.id, status: 'CONTAINED' }, analyst)).data.updateIncident;
    expect(contained.containedAt).toBeTruthy();
    expect(contained.containBreached).toBe(true);
    const closed = (await h.gql(updateIncident, { id: incident.id, status: 'CLOSED' }, analyst)).data.updateIncident;
    expect(closed).toMatchObject({ status: 'CLOSED', resolveBreached: false });
    expect(firstError(await h.gql(updateIncident, { id: incident.id, status: 'OPEN' }, analyst))).toMatchObject({ argument: 'status' });
    expect(firstError(await h.gql(addAlerts, { id: incident.id, alertIds: [first] }, analyst))).toMatchObject({ argument: 'id' });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE $1 = ANY(target_ids) AND target_type = 'Incident'`, [incident.id])).toBe(6);
  });

  it('streams incidents live to analysts and to the owning agency, and refuses another agency\'s stream', async () => {
    const query = 'subscription Live($agencyId: String) { incidentChanged(agencyId: $agencyId) { id title status alertCount } }';
    const analystSocket = subgraphSocket(h.server.url, analyst);
    const agencySocket = subgraphSocket(h.server.url, { role: 'agency-client', agencyId: 'STTTT' });
    const forAnalyst = subscribe<{ incidentChanged: { id: string; title: string } }>(analystSocket, query);
    const forAgency = subscribe<{ incidentChanged: { id: string; title: string } }>(agencySocket, query);
    const open = async () => h.gql(createIncident, { input: { title: `live ${++n}`, alertIds: [await newAlert()] } }, analyst);
    await untilLive(forAnalyst, open);
    await untilLive(forAgency, open);
    const { data } = await open();
    await expect.poll(() => forAnalyst.events.some((event) => event.incidentChanged.id === data.createIncident.id)).toBe(true);
    await expect.poll(() => forAgency.events.some((event) => event.incidentChanged.id === data.createIncident.id)).toBe(true);
    const elsewhere = subscribe(agencySocket, query, { agencyId: 'SYT' });
    await elsewhere.completed;
    expect(JSON.stringify(elsewhere.errors)).toContain('FORBIDDEN');
    forAnalyst.stop();
    forAgency.stop();
    await Promise.all([analystSocket.dispose(), agencySocket.dispose()]);
  });

  it('leaves triage to analysts and admins', async () => {
    const id = await newAlert();
    for (const caller of [{ role: 'ioc-viewer' }, { role: 'agency-client', agencyId: 'STTTT' }, { role: 'ingest' }] as const) {
      expect((await h.gql(bulk, { ids: [id], status: 'ACKNOWLEDGED' }, caller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(createIncident, { input: { title: 't', alertIds: [id] } }, caller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
