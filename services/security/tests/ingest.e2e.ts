import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller } from '@ioc/kit/testing';
import type { Principal } from '@ioc/kit';
import type { IngestSummary } from '../src/domain/ingest-tally';
import { startSecurity, type SecurityHarness } from './support';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

let security: SecurityHarness;
let db: { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }> };
let base: string;

beforeAll(async () => {
  security = await startSecurity('ingest');
  base = security.server.url.replace(/\/graphql$/, '');
  db = { query: async (sql, params) => ({ rows: await security.server.db.query(sql, params) }) };
});
afterAll(async () => {
  await security?.stop();
});

async function post(path: string, body: string | Uint8Array, caller: Partial<Principal> = { role: 'ingest' }, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', ...(await asCaller(caller)), ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as IngestSummary & { error?: string; limit?: number } };
}

const alertsOf = async (source: string) =>
  (await db.query(`SELECT * FROM alert WHERE source = $1 AND NOT synthetic ORDER BY first_seen, sequence`, [source])).rows as Array<Record<string, any>>;

describe('POST /ingest/wazuh on the subgraph', () => {
  let first: Awaited<ReturnType<typeof post>>;
  beforeAll(async () => {
    first = await post('/ingest/wazuh', fixture('wazuh-alerts.ndjson'));
  });

  it('answers the counts: new events, the repeat in the body, the solved finding, and each bad line by number', () => {
    expect(first.status).toBe(200);
    // Lines 1–4, 6, 12 (hostile but well-formed) and 14 are new; 7 re-sends line 1's event; 5 is a solved vulnerability.
    expect(first.body).toMatchObject({ accepted: 7, duplicates: 1, skipped: 1, suppressed: 0, rejectedTotal: 5 });
    expect(first.body.rejected.map((r) => r.line)).toEqual([8, 9, 10, 11, 13]);
    expect(first.body.rejected[0]!.error).toMatch(/^not JSON \(truncated or malformed\)/);
    expect(first.body.rejected[3]!.error).toBe('Wazuh severity is a rule level 0–15, got "99"');
  });

  it('stores normalised alerts linked to their server, system and agency, folding the second brute force into the first', async () => {
    const alerts = await alertsOf('WAZUH');
    expect(alerts).toHaveLength(6);
    const brute = alerts.find((a) => a.rule_id === '5712')!;
    expect(brute).toMatchObject({
      kind: 'INTRUSION', server_id: 'vm-001', system_id: 'ioffice', agency_id: 'STTTT', occurrences: 2,
      severity: 'CRITICAL', raw_severity: '12', severity_scale: 'WAZUH_LEVEL', mitre_techniques: ['T1110'], mitre_tactics: ['TA0006'], status: 'NEW',
    });
    expect([brute.first_seen.toISOString(), brute.last_seen.toISOString()]).toEqual(['2026-11-30T08:22:11.123Z', '2026-11-30T12:45:00.000Z']);
    expect(brute.priority).toBe(4 * 3);
    const syscheck = alerts.find((a) => a.rule_id === '550')!;
    expect(syscheck).toMatchObject({ server_id: 'vm-002', system_id: 'official-email', asset_name: 'official-email-2.dc.travinh.gov.vn' });
    const log4j = alerts.find((a) => a.cve === 'CVE-2021-44228')!;
    expect(log4j).toMatchObject({ kind: 'VULNERABILITY', server_id: 'vm-004', agency_id: 'VPUBND', severity: 'CRITICAL', raw_severity: 'Critical', cvss_score: 10, cvss_vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' });
    const hostile = alerts.find((a) => a.rule_id === '31101')!;
    expect(hostile.title).toBe("Web attack: '; DROP TABLE alert; -- <script>alert(1)</script>");
    expect((await db.query('SELECT count(*)::int AS n FROM alert')).rows[0].n).toBeGreaterThan(6);
  });

  it('keeps the alert on an unknown host and lists it for the catalogue team', async () => {
    const rootkit = (await alertsOf('WAZUH')).find((a) => a.rule_id === '510')!;
    expect(rootkit).toMatchObject({ kind: 'MALWARE', server_id: null, system_id: null, agency_id: null, asset_name: 'ws-ketoan-07', asset_ip: '192.168.5.23' });
    const result = await security.gql('{ unknownAssets { name ip alerts occurrences sources } }', {}, { role: 'soc-analyst' });
    expect(result.errors).toBeUndefined();
    expect(result.data.unknownAssets).toContainEqual({ name: 'ws-ketoan-07', ip: '192.168.5.23', alerts: 1, occurrences: 1, sources: ['WAZUH'] });
  });

  it('is idempotent: the same body again is all duplicates and changes no row', async () => {
    const before = (await db.query('SELECT id, occurrences, last_seen FROM alert WHERE NOT synthetic ORDER BY id')).rows;
    const again = await post('/ingest/wazuh', fixture('wazuh-alerts.ndjson'));
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 8, skipped: 1, rejectedTotal: 5 });
    expect((await db.query('SELECT id, occurrences, last_seen FROM alert WHERE NOT synthetic ORDER BY id')).rows).toEqual(before);
  });

  it('filters alerts by ATT&CK technique and tactic', async () => {
    const result = await security.gql('{ a: alerts(mitreTechnique: "T1110") { totalCount nodes { ruleId mitreTactics } } b: alerts(mitreTactic: "TA0040") { nodes { ruleId } } }', {}, { role: 'soc-analyst' });
    expect(result.errors).toBeUndefined();
    expect(result.data.a).toEqual({ totalCount: 1, nodes: [{ ruleId: '5712', mitreTactics: ['TA0006'] }] });
    expect(result.data.b.nodes).toEqual([{ ruleId: '550' }]);
    const bad = await security.gql('{ alerts(mitreTactic: "Impact") { totalCount } }', {}, { role: 'soc-analyst' });
    expect(bad.errors?.[0]?.message).toContain('"Impact" is not an ATT&CK tactic id (TA0006)');
  });
});

describe('POST /ingest/suricata on the subgraph', () => {
  it('turns alert events into alerts by the monitored end of the flow, skips the other event types and rejects bad lines', async () => {
    const { status, body } = await post('/ingest/suricata', fixture('suricata-eve.ndjson'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 4, duplicates: 1, skipped: 4, suppressed: 0, rejectedTotal: 5 });
    expect(body.rejected.map((r) => r.line)).toEqual([10, 11, 12, 13, 14]);
    const alerts = await alertsOf('SURICATA');
    expect(alerts.map((a) => [a.rule_id, a.server_id, a.asset_ip, a.occurrences])).toEqual([
      ['2034647', 'vm-005', '10.84.10.6', 1],
      ['2027758', 'vm-002', '10.84.10.3', 2],
      ['2001219', null, '172.16.9.9', 1],
    ]);
    expect(alerts[0]).toMatchObject({ cve: 'CVE-2021-44228', severity: 'CRITICAL', raw_severity: '1', severity_scale: 'SURICATA_PRIORITY', mitre_techniques: ['T1190'], mitre_tactics: ['TA0001'] });
    expect(alerts[1]!.kind).toBe('MALWARE');
    expect((await db.query(`SELECT count(*)::int AS n FROM alert_event WHERE source = 'SURICATA'`)).rows[0].n).toBe(4);
  });
});

describe('refusals', () => {
  it('refuses a caller without the gateway token, and roles other than ingest and admin', async () => {
    const anonymous = await fetch(`${base}/ingest/wazuh`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/through the gateway/);
    const viewer = await post('/ingest/wazuh', '{}', { role: 'soc-analyst' });
    expect(viewer).toMatchObject({ status: 403, body: { error: 'ingest needs role ingest or admin, not soc-analyst' } });
  });

  it('refuses other content types and encodings', async () => {
    expect((await post('/ingest/wazuh', '<xml/>', { role: 'ingest' }, { 'content-type': 'application/xml' })).status).toBe(415);
    expect((await post('/ingest/wazuh', 'x', { role: 'ingest' }, { 'content-encoding': 'gzip' })).status).toBe(415);
  });

  it('rejects an oversized line by number and takes the lines around it', async () => {
    const line = (id: string, at: string) => JSON.stringify({ id, timestamp: at, rule: { id: '5710', level: 5, description: 'sshd: attempt to login using a non-existent user' }, agent: { name: 'vm-003' } });
    const huge = JSON.stringify({ id: 'huge', timestamp: '2026-11-30T08:00:00+0000', rule: { id: '1', level: 3, description: 'x' }, full_log: 'A'.repeat(200_000) });
    const { body } = await post('/ingest/wazuh', [line('o-1', '2026-11-30T08:00:00+0000'), huge, line('o-2', '2026-11-30T08:01:00+0000')].join('\n'));
    expect(body).toMatchObject({ accepted: 2, rejectedTotal: 1, rejected: [{ line: 2, error: `line of ${Buffer.byteLength(huge)} bytes is longer than the 65536 allowed` }] });
  });

  it('answers 413 naming the limit from Content-Length, before reading the body', async () => {
    // fetch sets Content-Length itself: announce 300 MB with node:http and send none of it.
    const headers = { 'content-type': 'application/x-ndjson', 'content-length': String(300 * 1024 * 1024), ...(await asCaller({ role: 'ingest' })) };
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(`${base}/ingest/wazuh`, { method: 'POST', headers }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      sent.on('error', reject);
      sent.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: `request body too large: the limit is ${256 * 1024 * 1024} bytes`, limit: 256 * 1024 * 1024 });
  });
});

describe('ingestAlerts', () => {
  it('takes normalised alerts from any source with the same rules, rejecting bad items by position', async () => {
    const item = { source: 'SOC', sourceEventId: 'openvas-run-9/1', kind: 'VULNERABILITY', ruleId: '1.3.6.1.4.1.25623.1.0.1', title: 'OpenSSH regreSSHion', rawSeverity: 'high', cve: 'CVE-2024-6387', cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', observedAt: '2026-11-30T10:00:00+07:00', assetIp: '10.84.10.5', mitreTactics: ['Initial Access'] };
    const mutation = 'mutation($alerts: [IngestAlertInput!]!) { ingestAlerts(alerts: $alerts) { accepted duplicates skipped suppressed rejectedTotal rejected { line error } } }';
    const result = await security.gql(mutation, { alerts: [item, { ...item, sourceEventId: 'openvas-run-9/2', cve: 'CVE-24' }, item] }, { role: 'ingest' });
    expect(result.errors).toBeUndefined();
    expect(result.data.ingestAlerts).toEqual({ accepted: 1, duplicates: 1, skipped: 0, suppressed: 0, rejectedTotal: 1, rejected: [{ line: 2, error: 'cve "CVE-24" is not a CVE id (CVE-YYYY-NNNN)' }] });
    const [row] = (await db.query(`SELECT * FROM alert WHERE source = 'SOC' AND rule_id = $1`, [item.ruleId])).rows;
    expect(row).toMatchObject({ server_id: 'vm-004', system_id: 'socioeconomic-reporting', cvss_score: 8.1, severity: 'HIGH', severity_scale: 'WORD', mitre_tactics: ['TA0001'] });
    const viewer = await security.gql(mutation, { alerts: [] }, { role: 'ioc-viewer' });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
