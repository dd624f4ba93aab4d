import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '@ioc/kit';
import { startStack, type Stack } from '../support/stack';
import { bearer, post, sql } from './support';

/**
 * The audit log through the graph: every mutation and ingested item leaves one entry (who, what,
 * when, from where, before/after), refused and failed ones leave none, personal data stays out of
 * it, admins alone read it, and nobody can change or remove an entry, not even over SQL.
 */

let stack: Stack;
const ids = { alert: '', system: '', server: '', dossierService: '', commune: '' };

const as = async (role: Role, query: string, variables: Record<string, unknown> = {}) => {
  const result = await post(stack.gateway.url, { query, variables }, bearer(await stack.tokenFor(role)));
  return result.body;
};

const entryFields = 'id subgraph at operation subject role agencyId clientIp requestId targetType targetIds changes { field before after } detail';

async function auditLog(subgraph: string, filter: string) {
  const body = await as('admin', `{ ${subgraph}AuditLog(${filter}) { totalCount nodes { ${entryFields} } } }`);
  expect(body.errors).toBeUndefined();
  return body.data[`${subgraph}AuditLog`] as { totalCount: number; nodes: Array<Record<string, any>> };
}

const changesOf = (entry: Record<string, any>) =>
  Object.fromEntries((entry.changes as Array<{ field: string; before: string | null; after: string | null }>).map((c) => [c.field, [c.before && JSON.parse(c.before), c.after && JSON.parse(c.after)]]));

const auditCount = async (schema: string) => (await sql(stack.database.url, `SELECT count(*)::int AS n FROM ${schema}.audit_log`))[0].n as number;

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
  const db = stack.database.url;
  ids.alert = (await sql(db, `SELECT id FROM security.alert WHERE status = 'NEW' ORDER BY sequence LIMIT 1`))[0].id;
  ids.system = (await sql(db, `SELECT system_id FROM security.security_profile WHERE approval_status = 'PENDING' ORDER BY 1 LIMIT 1`))[0].system_id;
  ids.server = (await sql(db, `SELECT id FROM infrastructure.server WHERE status = 'ACTIVE' AND health = 'HEALTHY' ORDER BY id LIMIT 1`))[0].id;
  const dossier = (await sql(db, `SELECT service_id, commune_code FROM egov.dossier WHERE channel = 'ONLINE' ORDER BY id LIMIT 1`))[0];
  ids.dossierService = dossier.service_id;
  ids.commune = dossier.commune_code;
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('what the audit log records', () => {
  it('an analyst triaging an alert: who, role, from where, target and the fields before and after', async () => {
    const updated = await as('soc-analyst', 'mutation T($id: String!) { updateAlert(id: $id, status: ACKNOWLEDGED, assignee: "analyst.nguyen") { id status } }', { id: ids.alert });
    expect(updated.errors).toBeUndefined();
    const log = await auditLog('security', `operation: "updateAlert", targetId: "${ids.alert}"`);
    expect(log.totalCount).toBe(1);
    const [entry] = log.nodes;
    expect(entry).toMatchObject({
      subgraph: 'security',
      operation: 'updateAlert',
      subject: 'dev-soc-analyst',
      role: 'soc-analyst',
      agencyId: null,
      targetType: 'Alert',
      targetIds: [ids.alert],
      detail: null,
    });
    expect(entry!.id).toMatch(/^security:\d+$/);
    expect(entry!.clientIp).toMatch(/127\.0\.0\.1|::1/);
    expect(entry!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(entry!.at))).toBe(false);
    const changes = changesOf(entry!);
    expect(changes.status).toEqual(['NEW', 'ACKNOWLEDGED']);
    expect(changes.assignee).toEqual([null, 'analyst.nguyen']);
    expect(changes.acknowledgedAt?.[0]).toBeNull();
    expect(Object.keys(changes)).not.toContain('title');
  });

  it('an ingested alert and its repeat: created (before null), then bumped (occurrences 1 → 2, deduplicated)', async () => {
    const raise = `mutation R($input: RaiseAlertInput!) { raiseAlert(input: $input) { deduplicated alert { id } } }`;
    const input = { kind: 'MALWARE', title: 'Trojan.GenericKD on a web server', source: 'WAZUH', rawSeverity: '12', systemId: ids.system, fingerprint: 'audit-test-fingerprint-1' };
    const first = await as('ingest', raise, { input });
    const second = await as('ingest', raise, { input });
    expect(first.errors).toBeUndefined();
    expect(second.data.raiseAlert).toMatchObject({ deduplicated: true, alert: { id: first.data.raiseAlert.alert.id } });
    const log = await auditLog('security', `operation: "raiseAlert", subject: "dev-ingest"`);
    expect(log.totalCount).toBe(2);
    const [bump, create] = log.nodes; // newest first
    expect(changesOf(create!)).toMatchObject({ title: [null, input.title], occurrences: [null, 1], status: [null, 'NEW'] });
    expect(JSON.parse(create!.detail)).toEqual({ deduplicated: false });
    expect(changesOf(bump!).occurrences).toEqual([1, 2]);
    expect(changesOf(bump!).title).toBeUndefined();
    expect(JSON.parse(bump!.detail)).toEqual({ deduplicated: true });
  });

  it("an admin's grading approval records the level and how many alerts were re-prioritised", async () => {
    const result = await as('admin', 'mutation A($id: String!) { approveSecurityLevel(systemId: $id, level: 3, decisionNumber: "12/QĐ-UBND") { level } }', { id: ids.system });
    expect(result.errors).toBeUndefined();
    const [entry] = (await auditLog('security', `operation: "approveSecurityLevel", targetId: "${ids.system}"`)).nodes;
    const changes = changesOf(entry!);
    expect(changes.approvalStatus).toEqual(['PENDING', 'APPROVED']);
    expect(changes.decisionNumber).toEqual([null, '12/QĐ-UBND']);
    expect(JSON.parse(entry!.detail).alertsReprioritised).toBeGreaterThanOrEqual(1);
    expect(entry).toMatchObject({ subject: 'dev-admin', role: 'admin' });
  });

  it("citizens' personal data is withheld from the log: feedback and a dossier's applicant", async () => {
    const feedback = await as(
      'ingest',
      'mutation F($input: ReceiveFeedbackInput!) { receiveFeedback(input: $input) { id } }',
      { input: { title: 'Đường ngập nước', content: 'Ngập sau mưa.', category: 'INFRASTRUCTURE', channel: 'SMART_TRA_VINH', communeCode: ids.commune, citizenName: 'Kim Thị Sô Phia', citizenPhone: '0987654321' } },
    );
    expect(feedback.errors).toBeUndefined();
    const dossier = await as(
      'ingest',
      'mutation D($input: ReceiveDossierInput!, $applicant: DossierApplicantInput) { receiveDossier(input: $input, applicant: $applicant) { id } }',
      { input: { serviceId: ids.dossierService, communeCode: ids.commune, channel: 'ONLINE' }, applicant: { fullName: 'Thạch Văn Sang', idNumber: '084099001122', phone: '0911222333' } },
    );
    expect(dossier.errors).toBeUndefined();
    const feedbackEntry = (await auditLog('egov', `operation: "receiveFeedback", targetId: "${feedback.data.receiveFeedback.id}"`)).nodes[0]!;
    expect(changesOf(feedbackEntry).citizenName).toEqual([null, '«personal data withheld»']);
    expect(changesOf(feedbackEntry).title).toEqual([null, 'Đường ngập nước']);
    const dossierEntry = (await auditLog('egov', `operation: "receiveDossier", targetId: "${dossier.data.receiveDossier.id}"`)).nodes[0]!;
    expect(changesOf(dossierEntry).applicantIdNumber).toEqual([null, '«personal data withheld»']);
    expect(changesOf(dossierEntry).channel).toEqual([null, 'ONLINE']);
    const stored = JSON.stringify(await sql(stack.database.url, 'SELECT changes FROM egov.audit_log'));
    for (const secret of ['Sô Phia', '0987654321', 'Thạch Văn Sang', '084099001122', '0911222333']) expect(stored).not.toContain(secret);
  });

  it('ingest reports to infrastructure and economy: each one an entry, a report that changes nothing included', async () => {
    const health = 'mutation H($id: String!) { setServerHealth(id: $id, health: WARNING) { health } }';
    expect((await as('ingest', health, { id: ids.server })).errors).toBeUndefined();
    expect((await as('ingest', health, { id: ids.server })).errors).toBeUndefined();
    const log = await auditLog('infrastructure', `operation: "setServerHealth", targetId: "${ids.server}"`);
    expect(log.totalCount).toBe(2);
    expect(JSON.parse(log.nodes[0]!.detail)).toEqual({ unchanged: true });
    expect(log.nodes[0]!.changes).toEqual([]);
    expect(changesOf(log.nodes[1]!).health).toEqual(['HEALTHY', 'WARNING']);

    const recorded = await as(
      'ingest',
      'mutation M($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { value } }',
      { input: { indicator: 'society.smartphoneShare', period: '2023', value: 71.5, source: 'Báo cáo Sở TTTT 2023' } },
    );
    expect(recorded.errors).toBeUndefined();
    const [measurement] = (await auditLog('economy', 'operation: "recordMeasurement"')).nodes;
    expect(measurement).toMatchObject({ targetType: 'ReportedMeasurement', targetIds: ['society.smartphoneShare@2023'], role: 'ingest' });
    expect(changesOf(measurement!).value?.[1]).toBe(71.5);
  });

  it('a refused mutation and a failed one leave no entry', async () => {
    const before = await auditCount('security');
    const refused = await as('ioc-viewer', 'mutation T($id: String!) { updateAlert(id: $id, status: RESOLVED) { id } }', { id: ids.alert });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const failed = await as('soc-analyst', 'mutation T($id: String!) { updateAlert(id: $id, status: NEW) { id } }', { id: ids.alert });
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    expect(await auditCount('security')).toBe(before);
  });
});

describe('reading the audit log', () => {
  it('admins only, in every subgraph', async () => {
    for (const subgraph of ['egov', 'infrastructure', 'security', 'economy']) {
      for (const role of ['ioc-viewer', 'soc-analyst', 'ingest'] as const) {
        const body = await as(role, `{ ${subgraph}AuditLog { totalCount } }`);
        expect(body.errors?.[0]).toMatchObject({
          message: `forbidden: Query.${subgraph}AuditLog needs role admin (caller is ${role})`,
          extensions: { code: 'FORBIDDEN' },
        });
      }
      expect((await as('admin', `{ ${subgraph}AuditLog { totalCount } }`)).errors).toBeUndefined();
    }
  });

  it('filters by role and time, pages newest first, and names bad arguments', async () => {
    // A page of 100: `changes` is a list without `first`, which the cost estimate counts as 100 items.
    const all = await auditLog('security', 'first: 100');
    expect(all.totalCount).toBeGreaterThanOrEqual(4);
    const sequence = all.nodes.map((entry) => Number(entry.id.split(':')[1]));
    expect(sequence).toEqual([...sequence].sort((a, b) => b - a));
    expect((await auditLog('security', 'role: "ingest"')).nodes.every((entry) => entry.role === 'ingest')).toBe(true);
    expect((await auditLog('security', 'to: "2001-01-01"')).totalCount).toBe(0);
    const page = await as('admin', '{ securityAuditLog(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }');
    const next = await as('admin', `{ securityAuditLog(first: 1, after: "${page.data.securityAuditLog.pageInfo.endCursor}") { nodes { id } } }`);
    expect(next.data.securityAuditLog.nodes[0].id).toBe(all.nodes[1]!.id);
    expect((await as('admin', '{ securityAuditLog(role: "root") { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'role' });
    expect((await as('admin', '{ securityAuditLog(from: "2024-02-01", to: "2024-01-01") { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect((await as('admin', '{ securityAuditLog(first: 501) { totalCount } }')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

describe('append-only', () => {
  it.each(['egov', 'infrastructure', 'security', 'economy'])('%s.audit_log refuses UPDATE, DELETE and TRUNCATE, even from the database owner', async (schema) => {
    const db = stack.database.url;
    await sql(db, `INSERT INTO ${schema}.audit_log (operation, subject, role, target_type, target_ids) VALUES ('test', 'tester', 'admin', 'Test', '{1}')`);
    const before = await sql(db, `SELECT * FROM ${schema}.audit_log ORDER BY id`);
    await expect(sql(db, `UPDATE ${schema}.audit_log SET subject = 'someone-else'`)).rejects.toThrow('audit_log is append-only: UPDATE refused');
    await expect(sql(db, `DELETE FROM ${schema}.audit_log`)).rejects.toThrow('audit_log is append-only: DELETE refused');
    await expect(sql(db, `TRUNCATE ${schema}.audit_log`)).rejects.toThrow('audit_log is append-only: TRUNCATE refused');
    expect(await sql(db, `SELECT * FROM ${schema}.audit_log ORDER BY id`)).toEqual(before);
  });
});
