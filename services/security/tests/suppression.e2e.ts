import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '@ioc/kit';
import { countMuted } from '../src/stores/suppression.store';
import { firstError, startSecurity, type SecurityHarness } from './support';

const mute = /* GraphQL */ `
  mutation Mute($input: MuteAlertsInput!) {
    muteAlerts(input: $input) { id target value serverId startsAt endsAt reason createdBy mutedCount lastMutedAt active liftedAt }
  }
`;
const unmute = /* GraphQL */ `mutation Unmute($id: String!) { unmuteAlerts(id: $id) { id active liftedAt liftedBy mutedCount } }`;
const raise = /* GraphQL */ `
  mutation Raise($input: RaiseAlertInput!) {
    raiseAlert(input: $input) { deduplicated alert { id occurrences } suppressedBy { id mutedCount lastMutedAt } }
  }
`;
const rules = /* GraphQL */ `
  query Rules($active: Boolean) { suppressionRules(active: $active, first: 100) { totalCount nodes { id active } } }
`;

const hour = 60 * 60 * 1000;
const inAWeek = () => new Date(Date.now() + 7 * 24 * hour).toISOString();
const analyst = { role: 'soc-analyst', subject: 'soc.lam' } as const;

describe('suppression rules on the raiseAlert path', () => {
  let h: SecurityHarness;
  const count = async (sql: string, params: unknown[] = []) => Number((await h.server.db.query(sql, params))[0].n);

  beforeAll(async () => {
    h = await startSecurity('sec_suppression');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const sshBruteForce = (n: number, serverId = 'vm-001') => ({
    kind: 'INTRUSION',
    source: 'WAZUH',
    rawSeverity: '10',
    ruleId: '5712',
    title: `sshd: brute force trying to get access to the system (${n})`,
    serverId,
    // After the rule's start (now, when it was created): a rule mutes what happens inside its window.
    observedAt: new Date().toISOString(),
  });

  it('mutes a Wazuh rule on one server: matching events are counted on the rule, raise nothing, and the mute is audited', async () => {
    const created = await h.gql(mute, { input: { target: 'WAZUH_RULE', value: '5712', serverId: 'vm-001', until: inAWeek(), reason: 'pentest by the vendor this week' } }, analyst);
    expect(created.errors).toBeUndefined();
    const rule = created.data.muteAlerts;
    expect(rule).toMatchObject({ target: 'WAZUH_RULE', value: '5712', serverId: 'vm-001', createdBy: 'soc.lam', mutedCount: 0, active: true, liftedAt: null });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'muteAlerts' AND $1 = ANY(target_ids) AND subject = 'soc.lam'`, [rule.id])).toBe(1);

    const alertsBefore = await count('SELECT count(*) AS n FROM alert');
    for (const n of [1, 2]) {
      const result = await h.gql(raise, { input: sshBruteForce(n) });
      expect(result.errors).toBeUndefined();
      expect(result.data.raiseAlert).toMatchObject({ alert: null, deduplicated: false, suppressedBy: { id: rule.id, mutedCount: n } });
    }
    // The tools' own role learns which rule muted the event, not its details.
    const byTool = await h.gql(`mutation Raise($input: RaiseAlertInput!) { raiseAlert(input: $input) { alert { id } suppressedBy { id } } }`, { input: sshBruteForce(3) }, { role: 'ingest', subject: 'wazuh' });
    expect(byTool).toEqual({ data: { raiseAlert: { alert: null, suppressedBy: { id: rule.id } } } });
    expect(await count('SELECT count(*) AS n FROM alert')).toBe(alertsBefore);
    expect(await count('SELECT muted_count AS n FROM suppression_rule WHERE id = $1', [rule.id])).toBe(3);

    // The same rule on another server, and another rule on this one, are raised.
    const elsewhere = await h.gql(raise, { input: sshBruteForce(4, 'vm-002') });
    expect(elsewhere.data.raiseAlert.alert.id).toBeTruthy();
    expect(elsewhere.data.raiseAlert.suppressedBy).toBeNull();
    const otherRule = await h.gql(raise, { input: { ...sshBruteForce(5), ruleId: '5710' } });
    expect(otherRule.data.raiseAlert.alert.id).toBeTruthy();
    expect(await count('SELECT count(*) AS n FROM alert')).toBe(alertsBefore + 2);
  });

  it('mutes a CVE everywhere; unmuting raises it again from then on and is audited', async () => {
    const { data } = await h.gql(mute, { input: { target: 'CVE', value: 'CVE-2021-44228', until: inAWeek(), reason: 'patched, scanner reports a stale banner' } }, analyst);
    const rule = data.muteAlerts;
    const log4shell = { kind: 'VULNERABILITY', source: 'NCSC', rawSeverity: 'critical', title: 'Log4Shell', cve: 'CVE-2021-44228', systemId: 'ioffice' };
    expect((await h.gql(raise, { input: log4shell })).data.raiseAlert.suppressedBy.id).toBe(rule.id);

    const lifted = await h.gql(unmute, { id: rule.id }, analyst);
    expect(lifted.data.unmuteAlerts).toMatchObject({ id: rule.id, active: false, liftedBy: 'soc.lam', mutedCount: 1 });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'unmuteAlerts' AND $1 = ANY(target_ids)`, [rule.id])).toBe(1);
    const raised = await h.gql(raise, { input: log4shell });
    expect(raised.data.raiseAlert.alert.id).toBeTruthy();
    expect(firstError(await h.gql(unmute, { id: rule.id }, analyst))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });

  it('a rule expires on its own: events after its window are raised, and it lists as inactive', async () => {
    const from = new Date(Date.now() - 3 * hour).toISOString();
    const until = new Date(Date.now() - hour + 1000).toISOString();
    // A window ending in the past cannot be created, so create a short one and let the database move it back.
    const { data } = await h.gql(mute, { input: { target: 'SURICATA_SIGNATURE', value: '2024897', from, until: new Date(Date.now() + hour).toISOString(), reason: 'noisy during the upgrade' } }, analyst);
    await h.server.db.query('UPDATE suppression_rule SET ends_at = $2 WHERE id = $1', [data.muteAlerts.id, until]);
    const scan = { kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '2', ruleId: '2024897', title: 'ET SCAN Nmap', serverId: 'vm-001' };
    const during = await h.gql(raise, { input: { ...scan, observedAt: new Date(Date.now() - 2 * hour).toISOString() } });
    expect(during.data.raiseAlert.suppressedBy.id).toBe(data.muteAlerts.id);
    const after = await h.gql(raise, { input: { ...scan, observedAt: new Date().toISOString() } });
    expect(after.data.raiseAlert.alert.id).toBeTruthy();
    const inactive = (await h.gql(rules, { active: false }, analyst)).data.suppressionRules.nodes.map((node: { id: string }) => node.id);
    expect(inactive).toContain(data.muteAlerts.id);
    const active = (await h.gql(rules, { active: true }, analyst)).data.suppressionRules.nodes.map((node: { id: string }) => node.id);
    expect(active).not.toContain(data.muteAlerts.id);
  });

  it.each([
    [{ value: 'CVE-21-1' }, 'input.value'],
    [{ target: 'WAZUH_RULE', value: 'ssh' }, 'input.value'],
    [{ serverId: 'vm-999' }, 'input.serverId'],
    [{ until: 'next week' }, 'input.until'],
    [{ until: '2020-01-01' }, 'input.until'],
    [{ until: new Date(Date.now() + 100 * 24 * hour).toISOString() }, 'input.until'],
    [{ reason: ' x ' }, 'input.reason'],
  ])('refuses %j naming %s and writes nothing', async (change, argument) => {
    const before = await count('SELECT count(*) AS n FROM suppression_rule');
    const input = { target: 'CVE', value: 'CVE-2022-0847', until: inAWeek(), reason: 'accepted risk', ...change };
    expect(firstError(await h.gql(mute, { input }, analyst))).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await count('SELECT count(*) AS n FROM suppression_rule')).toBe(before);
  });

  it('only analysts and admins mute or read rules', async () => {
    const input = { target: 'CVE', value: 'CVE-2022-0847', until: inAWeek(), reason: 'accepted risk' };
    for (const role of ['ioc-viewer', 'agency-client', 'ingest'] as const) {
      const result = await h.gql(mute, { input }, { role, agencyId: role === 'agency-client' ? 'STTTT' : undefined });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(rules, {}, { role, agencyId: role === 'agency-client' ? 'STTTT' : undefined })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('counting muted events under concurrency', () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurity('sec_suppression_locks');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('batches muting the same rules in opposite orders all commit, every event counted (rules locked in id order)', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 40; n++) {
      const created = await h.gql(mute, { input: { target: 'WAZUH_RULE', value: String(90_000 + n), until: inAWeek(), reason: 'lock order test' } }, analyst);
      expect(created.errors).toBeUndefined();
      ids.push(created.data.muteAlerts.id);
    }
    const batch = (order: string[]) => new Map(order.map((id) => [id, { events: 1, lastSeen: new Date() }]));
    const forward = batch(ids);
    const backward = batch([...ids].reverse());
    const rounds = 12;
    const results = await Promise.allSettled(
      Array.from({ length: rounds * 2 }, (_, i) => withTransaction(h.server.db, (tx) => countMuted(tx.manager, i % 2 ? backward : forward))),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const rows = await h.server.db.query('SELECT muted_count::int AS n FROM suppression_rule WHERE id = ANY($1)', [ids]);
    expect(rows.map((row: { n: number }) => row.n)).toEqual(ids.map(() => rounds * 2));
  });
});
