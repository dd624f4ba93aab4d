import { describe, expect, it } from 'vitest';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { ingestServerRefusal } from '@ioc/infrastructure/domain';
import { createGenerator, eventKinds, isWorkingTime, maxOwnServers, syntheticMark } from '../src/events';
import { repeatRecord, suricataAlert, wazuhAlert, type SocRecord } from '../src/soc';
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

  it('mixes every kind over a working morning (servers are added and retired only now and then)', () => {
    const rare = ['server-add', 'server-retire'];
    const morningKinds = new Set(run(1, 500).map((e) => e.kind));
    for (const kind of eventKinds.filter((k) => !rare.includes(k))) expect(morningKinds.has(kind), kind).toBe(true);
    expect(new Set(run(1, 20_000).map((e) => e.kind))).toEqual(new Set(eventKinds));
  });

  it('adds synthetic VMs, retires only servers it added, each once, and retires the rest when the run ends', () => {
    const generator = createGenerator({ seed: 6, catalogue, start: morning, intervalMs: 100 });
    const events = Array.from({ length: 40_000 }, () => generator.next());
    const added = events.filter((e) => e.kind === 'server-add');
    const retired = events.filter((e) => e.kind === 'server-retire');
    expect(added.length).toBeGreaterThan(3);
    const hosts = new Set(catalogue.servers.filter((s) => s.kind === 'PHYSICAL').map((s) => s.id));
    for (const e of added) {
      expect(e.variables.input).toMatchObject({ kind: 'VIRTUAL', synthetic: true });
      expect(hosts.has((e.variables.input as { hostId: string }).hostId)).toBe(true);
    }
    // Each retirement names a server added before it, never one twice.
    const seen = new Set<number>();
    for (const e of retired) {
      expect(events.indexOf(e)).toBeGreaterThan(events.findIndex((a) => a.server === e.retires));
      expect(seen.has(e.retires!)).toBe(false);
      seen.add(e.retires!);
    }
    const closing = generator.closing();
    expect(new Set([...seen, ...closing.map((e) => e.retires!)])).toEqual(new Set(added.map((e) => e.server!)));
    expect(generator.closing()).toEqual([]);
  });

  it('keeps at most maxOwnServers of its VMs in service, each one the infrastructure subgraph lets the ingest role add', () => {
    const generator = createGenerator({ seed: 9, catalogue, start: morning, intervalMs: 100 });
    // Raise the odds of servers by drawing many events: the walk of adds and retirements must never pass the bound.
    let inService = 0;
    let highest = 0;
    for (let i = 0; i < 200_000; i++) {
      const event = generator.next();
      if (event.kind === 'server-add') {
        inService++;
        expect(ingestServerRefusal(event.variables.input as Parameters<typeof ingestServerRefusal>[0])).toBeUndefined();
      }
      if (event.kind === 'server-retire') inService--;
      highest = Math.max(highest, inService);
    }
    expect(highest).toBe(maxOwnServers);
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
      if (e.kind === 'dossier' || e.kind === 'feedback') expect((e.variables.input as { synthetic?: boolean }).synthetic, e.kind).toBe(true);
      if (e.kind === 'bts' || e.kind === 'dossier' || e.kind === 'feedback') expect(JSON.stringify(e.variables)).toContain(syntheticMark);
    }
  });

  it('repeats a rule on a host as new events of the tool, so deduplication shows', () => {
    const records = run(6, 2000).filter((e) => e.kind === 'alert').map((e) => e.variables as SocRecord);
    const key = (r: SocRecord) => (r.source === 'wazuh' ? `w:${r.record.rule.id}:${r.record.agent.id}` : `s:${r.record.alert.signature_id}:${r.record.dest_ip}`);
    const event = (r: SocRecord) => (r.source === 'wazuh' ? r.record.id : `${r.record.flow_id}:${r.record.timestamp}`);
    expect(new Set(records.map(key)).size).toBeLessThan(records.length);
    // Each is a new event: the ingest counts a re-sent one as a duplicate, not a repeat.
    expect(new Set(records.map(event)).size).toBe(records.length);
  });

  it('clusters BTS outages of a storm spell in one district', () => {
    const outages = run(9, 30_000, morning, 200).filter((e) => e.kind === 'bts' && e.variables.status !== 'UP' && String(e.variables.reason).startsWith('Mưa bão'));
    expect(outages.length).toBeGreaterThan(0);
  });
});

describe('SOC records', () => {
  const server = catalogue.servers[40]!;
  const at = new Date('2026-12-01T02:00:00Z');
  it('Wazuh: brute force, malware and vulnerability-detector findings with a real CVE and its CVSS', () => {
    const random = createRandom(11);
    const alerts = Array.from({ length: 200 }, (_, i) => wazuhAlert(random, server, at, i));
    expect(new Set(alerts.map((a) => a.rule.groups[0]))).toEqual(new Set(['syslog', 'web', 'vulnerability-detector', 'ossec']));
    for (const a of alerts.filter((a) => a.rule.groups.includes('vulnerability-detector'))) {
      const v = (a.data as { vulnerability: { cve?: string; id?: string; cvss?: unknown; score?: unknown } }).vulnerability;
      expect(v.cve ?? v.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(v.cvss ?? v.score).toBeDefined();
    }
    expect(alerts[0]!.agent.name).toBe(server.hostname);
  });
  it('Suricata: EVE alert events towards the server, and repeats as new flows', () => {
    const random = createRandom(12);
    const eve = suricataAlert(random, server, at);
    expect(eve).toMatchObject({ event_type: 'alert', alert: { gid: 1 } });
    const later = new Date(at.getTime() + 60_000);
    const again = repeatRecord(random, { source: 'suricata', record: eve }, later, 1);
    expect(again.record).toMatchObject({ dest_ip: eve.dest_ip, alert: eve.alert, timestamp: '2026-12-01T02:01:00.000+0000' });
    expect((again.record as typeof eve).flow_id).not.toBe(eve.flow_id);
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
