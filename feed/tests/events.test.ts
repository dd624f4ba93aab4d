import { describe, expect, it } from 'vitest';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { createGenerator, eventKinds, isWorkingTime, syntheticMark } from '../src/events';
import { suricataAlert, suricataToRaiseAlert, wazuhAlert, wazuhToRaiseAlert } from '../src/soc';
import { createRandom } from '@ioc/seeds/random';
import { parseDuration } from '../src/cli-args';

const catalogue = feedCatalogue();
// Tuesday 2026-12-01 09:00 and 20:00 in Trà Vinh (UTC+7).
const morning = new Date('2026-12-01T02:00:00Z');
const evening = new Date('2026-12-01T13:00:00Z');
const run = (seed: number, count: number, start = morning, intervalMs = 1000) => {
  const generator = createGenerator({ seed, catalogue, start, intervalMs });
  return Array.from({ length: count }, () => generator.next());
};

describe('feed events', () => {
  it('the same seed gives the same events, another seed others', () => {
    expect(run(7, 500)).toEqual(run(7, 500));
    expect(run(8, 500)).not.toEqual(run(7, 500));
  });

  it('mixes every kind over a working morning', () => {
    expect(new Set(run(1, 500).map((e) => e.kind))).toEqual(new Set(eventKinds));
  });

  it('takes dossiers only Monday to Friday 07:30–17:00 in Asia/Ho_Chi_Minh', () => {
    expect(isWorkingTime(morning)).toBe(true);
    expect(isWorkingTime(evening)).toBe(false);
    expect(isWorkingTime(new Date('2026-12-01T00:29:00Z'))).toBe(false); // 07:29
    expect(isWorkingTime(new Date('2026-12-01T00:30:00Z'))).toBe(true); // 07:30
    expect(isWorkingTime(new Date('2026-12-05T02:00:00Z'))).toBe(false); // Saturday
    // One event a second from 20:00 for an hour: no dossier, no resolution.
    expect(run(3, 3000, evening).filter((e) => e.kind === 'dossier' || e.kind === 'resolution')).toEqual([]);
  });

  it('follows the districts\u2019 shares and resolves only dossiers it received', () => {
    const events = run(4, 20_000, morning, 100);
    const dossiers = events.filter((e) => e.kind === 'dossier');
    const resolutions = events.filter((e) => e.kind === 'resolution');
    expect(resolutions.length).toBeLessThanOrEqual(dossiers.length);
    resolutions.forEach((e, i) => expect(e.resolves).toBe(i + 1));
    const district = new Map(catalogue.communes.map((c) => [c.code, c.districtCode]));
    const share = (code: string) => dossiers.filter((e) => district.get((e.variables.input as { communeCode: string }).communeCode) === code).length / dossiers.length;
    // Trà Cú (177k people) files more than Thị xã Duyên Hải (50k).
    expect(share('849')).toBeGreaterThan(2 * share('851'));
  });

  it('marks the records it creates as synthetic, and tags free text where there is no such column', () => {
    for (const e of run(5, 500)) {
      if (e.kind === 'alert' || e.kind === 'dossier' || e.kind === 'feedback') expect((e.variables.input as { synthetic?: boolean }).synthetic, e.kind).toBe(true);
      if (e.kind !== 'server-health' && e.kind !== 'resolution') expect(JSON.stringify(e.variables)).toContain(syntheticMark);
    }
  });

  it('repeats SOC records so deduplication shows', () => {
    const fingerprints = run(6, 2000).filter((e) => e.kind === 'alert').map((e) => (e.variables.input as { fingerprint: string }).fingerprint);
    expect(new Set(fingerprints).size).toBeLessThan(fingerprints.length);
  });

  it('clusters BTS outages of a storm spell in one district', () => {
    const outages = run(9, 30_000, morning, 200).filter((e) => e.kind === 'bts' && e.variables.status !== 'UP' && String(e.variables.reason).startsWith('Mưa bão'));
    expect(outages.length).toBeGreaterThan(0);
  });
});

describe('SOC adapter', () => {
  const server = catalogue.servers[40]!;
  const at = new Date('2026-12-01T02:00:00Z');
  it('maps vulnerability-detector findings to a CVE and its CVSS score', () => {
    const random = createRandom(11);
    const alerts = Array.from({ length: 200 }, (_, i) => wazuhAlert(random, server, at, i));
    const vulnerability = alerts.find((a) => a.rule.groups.includes('vulnerability-detector'))!;
    const input = wazuhToRaiseAlert(vulnerability, server.id);
    expect(input.kind).toBe('VULNERABILITY');
    expect(input.cve).toMatch(/^CVE-\d{4}-\d{4,}$/);
    expect(input.cvssScore).toBeGreaterThan(0);
    expect(new Set(alerts.map((a) => wazuhToRaiseAlert(a, server.id).kind))).toEqual(new Set(['INTRUSION', 'MALWARE', 'VULNERABILITY']));
  });
  it('maps Suricata EVE alerts by signature and destination', () => {
    const eve = suricataAlert(createRandom(12), server, at);
    expect(eve.event_type).toBe('alert');
    const input = suricataToRaiseAlert(eve, server.id);
    expect(input).toMatchObject({ source: 'SURICATA', kind: 'INTRUSION', serverId: server.id, rawSeverity: String(eve.alert.severity) });
    expect(input.fingerprint).toBe(`suricata:${eve.alert.signature_id}:${eve.dest_ip}`);
  });
});

describe('feed flags', () => {
  it('reads durations with a unit and refuses others', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('5')).toBe(5000);
    expect(() => parseDuration('soon')).toThrow(/--duration/);
  });
});
