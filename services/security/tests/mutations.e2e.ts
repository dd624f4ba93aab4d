import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStream } from '@ioc/kit';
import { collect, firstError, startSecurity, type SecurityHarness } from './support';

const raise = /* GraphQL */ `
  mutation Raise($input: RaiseAlertInput!) {
    raiseAlert(input: $input) {
      deduplicated
      alert { id sequence kind severity rawSeverity source status occurrences firstSeen lastSeen priority fingerprint server { id } system { id } agency { id } }
    }
  }
`;
const update = /* GraphQL */ `
  mutation Update($id: String!, $status: AlertStatus, $assignee: String) {
    updateAlert(id: $id, status: $status, assignee: $assignee) { id status assignee acknowledgedAt closedAt updatedAt }
  }
`;
const approve = /* GraphQL */ `
  mutation Approve($systemId: String!, $level: Int!, $approvedOn: String, $decisionNumber: String) {
    approveSecurityLevel(systemId: $systemId, level: $level, approvedOn: $approvedOn, decisionNumber: $decisionNumber) {
      systemId level approvalStatus approvalAuthority approvedDate decisionNumber nextInspectionDue
    }
  }
`;

async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('event not delivered in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const delivered = async <T>(events: T[], expected: T) => eventually(() => events.some((event) => JSON.stringify(event) === JSON.stringify(expected)));

describe('alert and grading mutations', () => {
  let h: SecurityHarness;
  const streams: Array<EventStream<any>> = [];
  let raised: Array<{ id: string }>;
  let updated: Array<{ id: string }>;
  let indicatorChanged: Array<{ domain: string; systemId: string; codes: string[] }>;
  const count = async (sql: string, params: unknown[] = []) => Number((await h.server.db.query(sql, params))[0].n);

  beforeAll(async () => {
    h = await startSecurity('sec_mutations');
    const subscribe = async (topic: string) => {
      const stream = await h.server.bus.subscribe(topic);
      streams.push(stream);
      return collect(stream) as any[];
    };
    raised = await subscribe('alert.raised');
    updated = await subscribe('alert.updated');
    indicatorChanged = await subscribe('indicator.changed');
  });
  afterAll(async () => {
    for (const stream of streams) await stream.return();
    await h?.stop();
  });

  const wazuhInput = {
    kind: 'VULNERABILITY',
    source: 'WAZUH',
    rawSeverity: '10',
    title: 'CVE-2022-0847: Linux kernel pipe privilege escalation (Dirty Pipe)',
    cve: 'CVE-2022-0847',
    cvssScore: 7.8,
    serverId: 'vm-001',
    observedAt: '2023-03-01T09:00:00+07:00',
  };

  it('raises a new alert, deriving the system from its server, severity from the raw value and priority from the level', async () => {
    const before = await count('SELECT count(*) AS n FROM alert');
    const result = await h.gql(raise, { input: wazuhInput });
    expect(result.errors).toBeUndefined();
    const { alert, deduplicated } = result.data.raiseAlert;
    expect(deduplicated).toBe(false);
    expect(alert).toMatchObject({ kind: 'VULNERABILITY', severity: 'HIGH', rawSeverity: '10', source: 'WAZUH', status: 'NEW', occurrences: 1 });
    expect(alert.server.id).toBe('vm-001');
    expect(alert.system.id).toBe('ioffice');
    expect(alert.agency.id).toBe('STTTT');
    const [{ level }] = await h.server.db.query(`SELECT level FROM security_profile WHERE system_id = 'ioffice'`);
    expect(alert.priority).toBe(3 * level);
    expect(Number(alert.sequence)).toBeGreaterThan(421);
    expect(alert.id).toBe(`alert-${alert.sequence}`);
    expect(await count('SELECT count(*) AS n FROM alert')).toBe(before + 1);
    await delivered(raised, { id: alert.id });
  });

  it('deduplicates a repeat by fingerprint: same alert, more occurrences, later lastSeen, severity escalated', async () => {
    const before = await count('SELECT count(*) AS n FROM alert');
    const first = (await h.gql(raise, { input: wazuhInput })).data.raiseAlert.alert;
    const repeat = await h.gql(raise, { input: { ...wazuhInput, rawSeverity: '13', observedAt: '2023-03-02T10:00:00+07:00' } });
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data.raiseAlert.deduplicated).toBe(true);
    expect(repeat.data.raiseAlert.alert).toMatchObject({ id: first.id, severity: 'CRITICAL', rawSeverity: '13', lastSeen: '2023-03-02T03:00:00.000Z', firstSeen: '2023-03-01T02:00:00.000Z' });
    expect(repeat.data.raiseAlert.alert.occurrences).toBe(first.occurrences + 1);
    expect(repeat.data.raiseAlert.alert.priority).toBeGreaterThan(first.priority);
    expect(await count('SELECT count(*) AS n FROM alert')).toBe(before);
    await delivered(updated, { id: first.id });
    expect(raised.filter((event) => event.id === first.id)).toHaveLength(1);
  });

  it('opens a new alert for the same fingerprint once the old one is closed', async () => {
    const input = { ...wazuhInput, fingerprint: 'wazuh:rule-23505:vm-002', serverId: 'vm-002' };
    const first = (await h.gql(raise, { input })).data.raiseAlert.alert;
    expect((await h.gql(update, { id: first.id, status: 'ACKNOWLEDGED', assignee: 'soc.lam' })).errors).toBeUndefined();
    expect((await h.gql(update, { id: first.id, status: 'RESOLVED' })).data.updateAlert.closedAt).toBeTruthy();
    const again = await h.gql(raise, { input });
    expect(again.data.raiseAlert.deduplicated).toBe(false);
    expect(again.data.raiseAlert.alert.id).not.toBe(first.id);
    expect(again.data.raiseAlert.alert.fingerprint).toBe('wazuh:rule-23505:vm-002');
  });

  it.each([
    [{ rawSeverity: '16' }, 'input.rawSeverity'],
    [{ source: 'SURICATA', rawSeverity: 'high' }, 'input.rawSeverity'],
    [{ serverId: 'vm-999' }, 'input.serverId'],
    [{ serverId: 'host-01' }, 'input.systemId'],
    [{ serverId: null, systemId: null }, 'input.systemId'],
    [{ systemId: 'no-such-system' }, 'input.systemId'],
    [{ systemId: 'lgsp' }, 'input.systemId'],
    [{ cve: 'CVE-22-1' }, 'input.cve'],
    [{ cvssScore: 11 }, 'input.cvssScore'],
    [{ title: '   ' }, 'input.title'],
    [{ observedAt: 'soon' }, 'input.observedAt'],
  ])('refuses %j naming %s and writes nothing', async (change, argument) => {
    const before = await count('SELECT count(*) AS n FROM alert');
    const occurrences = await count('SELECT sum(occurrences) AS n FROM alert');
    const result = await h.gql(raise, { input: { ...wazuhInput, ...change } });
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await count('SELECT count(*) AS n FROM alert')).toBe(before);
    expect(await count('SELECT sum(occurrences) AS n FROM alert')).toBe(occurrences);
  });

  it('moves an alert along the workflow and refuses an invalid transition naming status, writing nothing', async () => {
    const { alert } = (await h.gql(raise, { input: { ...wazuhInput, kind: 'MALWARE', source: 'SURICATA', rawSeverity: '1', title: 'ET MALWARE Emotet CnC activity', cve: null, cvssScore: null, serverId: 'vm-003' } })).data.raiseAlert;
    await delivered(raised, { id: alert.id });
    const invalid = await h.gql(update, { id: alert.id, status: 'RESOLVED' });
    expect(firstError(invalid)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(firstError(invalid).message).toMatch(/from NEW to RESOLVED; allowed: ACKNOWLEDGED, FALSE_POSITIVE/);
    const [row] = await h.server.db.query('SELECT status, updated_at, closed_at FROM alert WHERE id = $1', [alert.id]);
    expect(row.status).toBe('NEW');
    expect(row.closed_at).toBeNull();

    const acknowledged = await h.gql(update, { id: alert.id, status: 'ACKNOWLEDGED', assignee: 'soc.thao' });
    expect(acknowledged.data.updateAlert).toMatchObject({ status: 'ACKNOWLEDGED', assignee: 'soc.thao', closedAt: null });
    expect(acknowledged.data.updateAlert.acknowledgedAt).toBeTruthy();
    await delivered(updated, { id: alert.id });
    expect(updated.filter((event) => event.id === alert.id)).toHaveLength(1);

    const reassigned = await h.gql(update, { id: alert.id, assignee: 'soc.khang' });
    expect(reassigned.data.updateAlert).toMatchObject({ status: 'ACKNOWLEDGED', assignee: 'soc.khang' });
    expect((await h.gql(update, { id: alert.id, status: 'INVESTIGATING' })).data.updateAlert.status).toBe('INVESTIGATING');
    const closed = await h.gql(update, { id: alert.id, status: 'FALSE_POSITIVE' });
    expect(closed.data.updateAlert.closedAt).toBeTruthy();
    // Reopening a closed alert says why; a closed alert cannot go back to ACKNOWLEDGED.
    expect(firstError(await h.gql(update, { id: alert.id, status: 'INVESTIGATING' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'note' });
    expect(firstError(await h.gql(update, { id: alert.id, status: 'ACKNOWLEDGED' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
  });

  it('refuses an update of an unknown alert, or one that changes nothing', async () => {
    expect(firstError(await h.gql(update, { id: 'alert-0', status: 'ACKNOWLEDGED' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(firstError(await h.gql(update, { id: 'alert-1' }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
  });

  it('publishes nothing for a refused mutation', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = raised.length;
    await h.gql(raise, { input: { ...wazuhInput, rawSeverity: '99' } });
    await h.gql(approve, { systemId: 'ioffice', level: 9 });
    const { alert } = (await h.gql(raise, { input: { ...wazuhInput, serverId: 'vm-005', title: 'Directory listing enabled', cve: null, source: 'SOC', rawSeverity: 'medium' } })).data.raiseAlert;
    await delivered(raised, { id: alert.id });
    expect(raised.slice(before)).toEqual([{ id: alert.id }]);
    expect(indicatorChanged).toHaveLength(0);
  });

  it('approves a grading level: status, authority, indicator actual and the system\'s alert priorities follow', async () => {
    const scorecard = '{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province { security { systemsGraded indicator(code: "systemsGradedShare") { actual status } } } } }';
    const before = (await h.gql(scorecard)).data._entities[0].security;
    expect(before).toEqual({ systemsGraded: 21, indicator: { actual: 44.68, status: 'OFF_TRACK' } });
    const [pending] = await h.server.db.query(
      `SELECT p.system_id FROM security_profile p WHERE approval_status = 'PENDING' AND EXISTS (SELECT 1 FROM alert a WHERE a.system_id = p.system_id) ORDER BY system_id LIMIT 1`,
    );
    const result = await h.gql(approve, { systemId: pending.system_id, level: 4, approvedOn: '2023-02-15', decisionNumber: '345/QĐ-UBND' });
    expect(result.errors).toBeUndefined();
    expect(result.data.approveSecurityLevel).toEqual({
      systemId: pending.system_id, level: 4, approvalStatus: 'APPROVED', approvalAuthority: 'MINISTRY_APPRAISAL',
      approvedDate: '2023-02-15', decisionNumber: '345/QĐ-UBND', nextInspectionDue: '2024-02-15',
    });
    await eventually(() => indicatorChanged.length === 1);
    expect(indicatorChanged[0]).toMatchObject({ domain: 'SECURITY', systemId: pending.system_id, codes: expect.arrayContaining(['systemsGradedShare']) });
    const after = (await h.gql(scorecard)).data._entities[0].security;
    expect(after).toEqual({ systemsGraded: 22, indicator: { actual: 46.81, status: 'OFF_TRACK' } });
    const wrong = await count(
      `SELECT count(*) AS n FROM alert WHERE system_id = $1 AND priority <> 4 * (CASE severity WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 ELSE 4 END)`,
      [pending.system_id],
    );
    expect(wrong).toBe(0);
  });

  it.each([
    [{ systemId: 'ioffice', level: 0 }, 'level'],
    [{ systemId: 'ioffice', level: 6 }, 'level'],
    [{ systemId: 'no-such-system', level: 3 }, 'systemId'],
    [{ systemId: 'ioffice', level: 3, approvedOn: '2999-01-01' }, 'approvedOn'],
    [{ systemId: 'ioffice', level: 3, approvedOn: '2023-02-30' }, 'approvedOn'],
  ])('refuses approval %j naming %s and writes nothing', async (variables, argument) => {
    const before = await h.server.db.query(`SELECT level, approval_status, approved_date::text FROM security_profile WHERE system_id = 'ioffice'`);
    expect(firstError(await h.gql(approve, variables))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await h.server.db.query(`SELECT level, approval_status, approved_date::text FROM security_profile WHERE system_id = 'ioffice'`)).toEqual(before);
  });
});
