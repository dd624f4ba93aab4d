import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssetIndex } from '../src/domain/asset-link';
import { scoreCvssVector, vectorFromWazuhWords } from '../src/domain/cvss';
import { ingestFingerprint } from '../src/domain/fingerprint';
import { AlertKind, IngestFormatError, SeverityScale, tacticId } from '../src/domain/normalised-alert';
import { AlertSeverity, AlertSource, SeverityFormatError } from '../src/domain/severity';
import { normaliseSubmitted } from '../src/domain/submitted-alert';
import { parseSuricataLine } from '../src/domain/suricata';
import { parseWazuhLine } from '../src/domain/wazuh';

const now = new Date('2026-12-01T00:00:00Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8').split('\n');
const wazuh = fixture('wazuh-alerts.ndjson');
const suricata = fixture('suricata-eve.ndjson');
const alertOf = (parsed: ReturnType<typeof parseWazuhLine>) => {
  if (!('alert' in parsed)) throw new Error(`skipped: ${parsed.skipped}`);
  return parsed.alert;
};
const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the line to be rejected');
};

describe('Wazuh alerts.json lines', () => {
  it('reads an sshd brute force: the id per manager, rule, level on its scale, agent and ATT&CK ids', () => {
    const alert = alertOf(parseWazuhLine(wazuh[0]!, now));
    expect(alert).toMatchObject({
      source: AlertSource.WAZUH,
      sourceEventId: 'wazuh-manager-tv/1796026931.1134567',
      kind: AlertKind.INTRUSION,
      ruleId: '5712',
      title: 'sshd: brute force trying to get access to the system. Non existent user.',
      severity: AlertSeverity.HIGH,
      rawSeverity: '10',
      severityScale: SeverityScale.WAZUH_LEVEL,
      cve: null,
      asset: { name: 'vm-001', ips: ['10.84.10.2'] },
      mitreTechniques: ['T1110'],
      mitreTactics: ['TA0006'],
    });
    expect(alert.observedAt.toISOString()).toBe('2026-11-30T08:22:11.123Z');
    expect(alert.description).toContain('Invalid user admin from 203.0.113.45');
  });

  it('reads a syscheck change with the file that changed, a sub-technique and the Impact tactic', () => {
    const alert = alertOf(parseWazuhLine(wazuh[1]!, now));
    expect(alert).toMatchObject({ ruleId: '550', severity: AlertSeverity.MEDIUM, mitreTechniques: ['T1565.001'], mitreTactics: ['TA0040'] });
    expect(alert.description).toMatch(/^modified: \/etc\/passwd\n/);
    expect(alert.asset.name).toBe('official-email-2.dc.travinh.gov.vn');
  });

  it('reads a pre-4.8 vulnerability: the finding\'s own severity, the CVSS 3 vector from its words and the score computed from it', () => {
    const alert = alertOf(parseWazuhLine(wazuh[2]!, now));
    expect(alert).toMatchObject({
      kind: AlertKind.VULNERABILITY,
      cve: 'CVE-2021-44228',
      severity: AlertSeverity.CRITICAL,
      rawSeverity: 'Critical',
      severityScale: SeverityScale.WORD,
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      cvssScore: 10,
      title: 'CVE-2021-44228 affects liblog4j2-java',
    });
    expect(alert.description).toMatch(/^package liblog4j2-java 2\.11\.2-1\nApache Log4j2 JNDI/);
  });

  it('reads a 4.8+ vulnerability: CVE from id, score.base, and skips a "Solved" event', () => {
    const alert = alertOf(parseWazuhLine(wazuh[3]!, now));
    expect(alert).toMatchObject({ kind: AlertKind.VULNERABILITY, cve: 'CVE-2024-6387', severity: AlertSeverity.HIGH, rawSeverity: 'High', cvssScore: 8.1, cvssVector: null });
    expect(parseWazuhLine(wazuh[4]!, now)).toEqual({ skipped: 'vulnerability solved' });
  });

  it('reads rootcheck as malware, and keeps an agent nobody catalogued', () => {
    const alert = alertOf(parseWazuhLine(wazuh[5]!, now));
    expect(alert).toMatchObject({ kind: AlertKind.MALWARE, ruleId: '510', asset: { name: 'ws-ketoan-07', ips: ['192.168.5.23'] }, mitreTechniques: [] });
  });

  it.each([
    [7, /^not JSON \(truncated or malformed\)/],
    [8, /^not JSON/],
    [9, /^expected a JSON object, got an array$/],
    [12, /^timestamp "2099-01-01T00:00:00.000\+0000" is in the future$/],
  ])('rejects line %i saying why', (index, message) => {
    const error = errorOf(() => parseWazuhLine(wazuh[index]!, now));
    expect(error).toBeInstanceOf(IngestFormatError);
    expect(error.message).toMatch(message);
  });

  it('rejects a level off the 0–15 scale as a severity error', () => {
    const error = errorOf(() => parseWazuhLine(wazuh[10]!, now));
    expect(error).toBeInstanceOf(SeverityFormatError);
    expect(error.message).toBe('Wazuh severity is a rule level 0–15, got "99"');
  });

  it('keeps hostile text as text: SQL and markup stay inert, NUL characters go, __proto__ pollutes nothing', () => {
    const alert = alertOf(parseWazuhLine(wazuh[11]!, now));
    expect(alert.title).toBe("Web attack: '; DROP TABLE alert; -- <script>alert(1)</script>");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the missing field', () => {
    expect(errorOf(() => parseWazuhLine('{"id":"1","timestamp":"2026-11-30T08:22:11.123+0000"}', now)).message).toBe('rule is missing');
    expect(errorOf(() => parseWazuhLine('{"rule":{"id":"5712","level":3,"description":"x"},"timestamp":"2026-11-30T08:22:11+0000"}', now)).message).toBe('id is missing');
    expect(errorOf(() => parseWazuhLine('{"id":"1","rule":{"id":"x; rm","level":3,"description":"x"},"timestamp":"2026-11-30T08:22:11+0000"}', now)).message).toBe(
      'rule.id "x; rm" is not a Wazuh rule id (digits)',
    );
  });

  it('caps a huge description instead of storing it whole', () => {
    const line = JSON.stringify({ id: '9.9', timestamp: '2026-11-30T08:00:00+0000', rule: { id: '1', level: 3, description: 'd'.repeat(10_000) }, full_log: 'x'.repeat(50_000) });
    const alert = alertOf(parseWazuhLine(line, now));
    expect(alert.title.length).toBe(500);
    expect(alert.description!.length).toBe(2000);
  });
});

describe('Suricata EVE lines', () => {
  it('reads an alert: flow + time + signature as the event, priority 1 as CRITICAL, CVE and ATT&CK from metadata', () => {
    const parsed = parseSuricataLine(suricata[0]!, now);
    expect(parsed).toMatchObject({
      alert: {
        source: AlertSource.SURICATA,
        sourceEventId: '1850357364925743:2026-11-30T15:22:11.123456+0700:2034647',
        kind: AlertKind.INTRUSION,
        ruleId: '2034647',
        severity: AlertSeverity.CRITICAL,
        rawSeverity: '1',
        severityScale: SeverityScale.SURICATA_PRIORITY,
        cve: 'CVE-2021-44228',
        asset: { name: null, ips: ['10.84.10.6', '198.51.100.23'] },
        mitreTechniques: ['T1190'],
        mitreTactics: ['TA0001'],
      },
    });
    if ('alert' in parsed) expect(parsed.alert.observedAt.toISOString()).toBe('2026-11-30T08:22:11.123Z');
  });

  it('keeps 64-bit flow ids exact: two flows JSON.parse would round to one stay two events', () => {
    const [a, b] = [suricata[1]!, suricata[2]!].map((line) => parseSuricataLine(line, now));
    expect(a).toMatchObject({ alert: { kind: AlertKind.MALWARE, sourceEventId: '9007199254740993:2026-11-30T15:40:02.000100+0700:2027758' } });
    expect(b).toMatchObject({ alert: { sourceEventId: '9007199254740992:2026-11-30T15:40:02.000100+0700:2027758' } });
  });

  it('skips every other event type, naming it', () => {
    expect([3, 4, 5, 6].map((index) => parseSuricataLine(suricata[index]!, now))).toEqual([{ skipped: 'flow' }, { skipped: 'dns' }, { skipped: 'stats' }, { skipped: 'tls' }]);
  });

  it.each([
    [9, 'flow_id is missing or not an integer'],
    [10, 'Suricata severity is a priority 1–255 (1 is the worst), got "0"'],
    [11, 'src_ip "999.1.1.1" is not an IP address'],
    [12, 'an alert event needs alert'],
  ])('rejects line %i: %s', (index, message) => {
    expect(errorOf(() => parseSuricataLine(suricata[index]!, now)).message).toBe(message);
  });

  it('rejects a truncated line', () => {
    expect(errorOf(() => parseSuricataLine(suricata[13]!, now))).toBeInstanceOf(IngestFormatError);
  });
});

describe('CVSS, ATT&CK and submitted alerts', () => {
  it('scores vectors with the library and refuses a broken one', () => {
    expect(scoreCvssVector('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H').score).toBe(8.1);
    expect(scoreCvssVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').score).toBe(9.3);
    expect(errorOf(() => scoreCvssVector('CVSS:3.1/AV:X')).message).toMatch(/^CVSS vector "CVSS:3.1\/AV:X" is not valid/);
    expect(vectorFromWazuhWords({ attack_vector: 'network' })).toBeUndefined();
  });

  it('maps tactic names as Wazuh and ET write them', () => {
    expect([tacticId('Command and Control'), tacticId('Lateral_Movement'), tacticId('TA0043'), tacticId('Nonsense')]).toEqual(['TA0011', 'TA0008', 'TA0043', undefined]);
  });

  it('checks a submitted alert and computes its score from the vector', () => {
    const alert = normaliseSubmitted(
      {
        source: AlertSource.SOC, sourceEventId: 'scan-77', kind: AlertKind.VULNERABILITY, ruleId: 'openvas-1.3.6.1', title: 'OpenSSH regreSSHion', rawSeverity: 'cao',
        cve: 'cve-2024-6387', cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', observedAt: '2026-11-30T10:00:00Z', assetIp: '10.84.10.2', mitreTactics: ['Initial Access'],
      },
      now,
    );
    expect(alert).toMatchObject({ severity: AlertSeverity.HIGH, severityScale: SeverityScale.WORD, cve: 'CVE-2024-6387', cvssScore: 8.1, mitreTactics: ['TA0001'], asset: { name: null, ips: ['10.84.10.2'] } });
    expect(errorOf(() => normaliseSubmitted({ ...alert, sourceEventId: 'x', rawSeverity: '5', observedAt: '2026-11-30T10:00:00Z', assetName: null, assetIp: null }, now)).message).toBe(
      'give assetName or assetIp: the host the alert is about',
    );
  });
});

describe('linking assets and fingerprints', () => {
  const systems = new Map([
    ['ioffice', { ownerAgencyId: 'STTTT', level: 3 }],
    ['portal', { ownerAgencyId: 'VPUBND', level: 4 }],
  ]);
  const index = new AssetIndex(
    [
      { serverId: 'vm-001', hostname: 'ioffice-1.dc.travinh.gov.vn', ipv4: '10.84.10.2', systemIds: ['ioffice'] },
      { serverId: 'vm-009', hostname: 'shared-9.dc.travinh.gov.vn', ipv4: '10.84.10.10', systemIds: ['ioffice', 'portal'] },
      { serverId: 'host-01', hostname: 'host-01.dc.travinh.gov.vn', ipv4: '10.84.1.11', systemIds: [] },
    ],
    systems,
  );

  it('matches by server id, host name, its first label or address, and picks the most critical of several systems', () => {
    expect(index.link({ name: 'VM-001', ips: [] })).toMatchObject({ serverId: 'vm-001', systemId: 'ioffice', agencyId: 'STTTT', level: 3 });
    expect(index.link({ name: 'ioffice-1', ips: [] }).serverId).toBe('vm-001');
    expect(index.link({ name: 'ioffice-1.dc.travinh.gov.vn.', ips: [] }).serverId).toBe('vm-001');
    expect(index.link({ name: null, ips: ['198.51.100.1', '10.84.10.10'] })).toMatchObject({ serverId: 'vm-009', systemId: 'portal', agencyId: 'VPUBND', assetIp: '10.84.10.10' });
    expect(index.link({ name: 'host-01', ips: [] })).toMatchObject({ serverId: 'host-01', systemId: null, agencyId: null });
  });

  it('keeps an unknown host by name or address', () => {
    expect(index.link({ name: 'ws-ketoan-07', ips: ['192.168.5.23'] })).toMatchObject({ serverId: null, systemId: null, assetKey: 'name:ws-ketoan-07', assetName: 'ws-ketoan-07', assetIp: '192.168.5.23' });
    expect(index.link({ name: null, ips: ['172.16.9.9'] }).assetKey).toBe('ip:172.16.9.9');
  });

  it('fingerprints by source, rule, asset and CVE', () => {
    const base = { source: 'WAZUH', kind: 'VULNERABILITY', ruleId: '23505', assetKey: 'vm-001', cve: 'CVE-2024-6387' };
    expect(ingestFingerprint(base)).toBe(ingestFingerprint({ ...base }));
    expect(new Set([ingestFingerprint(base), ingestFingerprint({ ...base, cve: 'CVE-2021-44228' }), ingestFingerprint({ ...base, assetKey: 'vm-002' }), ingestFingerprint({ ...base, ruleId: '23506' })]).size).toBe(4);
  });
});
