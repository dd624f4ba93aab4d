import { alertFingerprint, alertPriority, maxSeverity, normaliseSeverity, reportDueAt, AlertSeverity, AlertSource } from '@ioc/security/domain';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom, type Random } from '../random';
import { dataCentrePlacement, hostAddress, hostId, physicalHostCount, vmAddress } from '../shared/topology';
import { analysts, exposure, malware, vulnerabilities } from './catalogue';
import type { ProfileSeedRow } from './profiles.seed';

/** The plan: 421 alerts in 2022, of which 296 vulnerability and 125 malware alerts. */
export const alerts2022 = { VULNERABILITY: 296, MALWARE: 125 } as const;

export interface AlertSeedRow {
  kind: 'VULNERABILITY' | 'MALWARE';
  title: string;
  description: string;
  cve: string | null;
  cvssScore: number | null;
  severity: AlertSeverity;
  rawSeverity: string;
  source: AlertSource;
  fingerprint: string;
  occurrences: number;
  firstSeen: Date;
  lastSeen: Date;
  status: 'NEW' | 'ACKNOWLEDGED' | 'INVESTIGATING' | 'RESOLVED' | 'FALSE_POSITIVE';
  assignee: string | null;
  priority: number;
  serverId: string;
  systemId: string;
  agencyId: string;
  incidentId: string | null;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
}

export interface IncidentSeedRow {
  id: string;
  title: string;
  severity: AlertSeverity;
  status: 'OPEN' | 'CONTAINED' | 'CLOSED';
  systemId: string;
  agencyId: string;
  detectedAt: Date;
  reportDueAt: Date;
  reportedAt: Date | null;
  closedAt: Date | null;
}

const hour = 3_600_000;
const day = 24 * hour;
/** 2022 in Vietnam time (UTC+7). */
const yearStart = Date.parse('2022-01-01T00:00:00+07:00');
const yearEnd = Date.parse('2023-01-01T00:00:00+07:00');
/** The data set's horizon: alerts still open were last seen before it. */
const horizon = Date.parse('2022-12-31T23:00:00+07:00');

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  return random.weighted(items, items.map((item) => item.weight));
}

function severityWord(severity: AlertSeverity): string {
  return { LOW: 'Thấp', MEDIUM: 'Trung bình', HIGH: 'Cao', CRITICAL: 'Nghiêm trọng' }[severity];
}

const wazuhLevelFor: Record<AlertSeverity, number> = { LOW: 4, MEDIUM: 7, HIGH: 10, CRITICAL: 13 };

export interface MonitoredServerRow {
  serverId: string;
  kind: 'PHYSICAL' | 'VIRTUAL';
  hostId: string | null;
  systemIds: string[];
  hostname: string;
  ipv4: string;
}

/** Every data-centre server has a Wazuh agent; the 140 VMs carry the systems placed on them. */
export function buildMonitoredServers(): MonitoredServerRow[] {
  const hosts = Array.from({ length: physicalHostCount }, (_, i) => ({ serverId: hostId(i + 1), kind: 'PHYSICAL' as const, hostId: null, systemIds: [], ...hostAddress(i + 1) }));
  const vms = dataCentrePlacement().map((placement, index) => ({
    serverId: placement.vmId,
    kind: 'VIRTUAL' as const,
    hostId: placement.hostId,
    systemIds: placement.systemCodes,
    ...vmAddress(placement, index + 1),
  }));
  return [...hosts, ...vms];
}

/**
 * The 421 alerts of 2022 on the data-centre systems, each on a VM that hosts its system, in
 * first-seen order (so `sequence` follows time), and the incidents grouping the serious malware.
 */
export function buildAlerts(profiles: readonly ProfileSeedRow[], seed = 421_2022): { alerts: AlertSeedRow[]; incidents: IncidentSeedRow[] } {
  const random = createRandom(seed);
  const profileOf = new Map(profiles.map((profile) => [profile.systemId, profile]));
  const vmsOf = new Map<string, string[]>();
  for (const placement of dataCentrePlacement()) {
    for (const code of placement.systemCodes) vmsOf.set(code, [...(vmsOf.get(code) ?? []), placement.vmId]);
  }
  const targets = [...vmsOf.keys()].filter((code) => profileOf.has(code)).sort();
  if (!targets.length) throw new Error('no data-centre system has a VM: check dataCentrePlacement()');
  const targetWeights = targets.map((code) => exposure[code] ?? 1.5);

  const kinds = [...Array<'VULNERABILITY'>(alerts2022.VULNERABILITY).fill('VULNERABILITY'), ...Array<'MALWARE'>(alerts2022.MALWARE).fill('MALWARE')];
  const drafts = kinds.map((kind) => ({ kind, firstSeen: yearStart + Math.floor(random.next() * (yearEnd - yearStart - hour)) }));
  drafts.sort((a, b) => a.firstSeen - b.firstSeen);

  const openFingerprints = new Set<string>();
  const alerts: AlertSeedRow[] = drafts.map(({ kind, firstSeen }) => {
    const systemId = random.weighted(targets, targetWeights);
    const profile = profileOf.get(systemId)!;
    const serverId = random.pick(vmsOf.get(systemId)!);
    let source: AlertSource;
    let rawSeverity: string;
    let title: string;
    let description: string;
    let cve: string | null = null;
    let cvssScore: number | null = null;
    if (kind === 'VULNERABILITY') {
      const finding = weighted(random, vulnerabilities);
      cve = finding.cve;
      cvssScore = finding.cvss;
      source = random.weighted([AlertSource.NCSC, AlertSource.SOC, AlertSource.WAZUH], [0.3, 0.45, 0.25]);
      if (finding.cvss === null) source = AlertSource.SOC;
      const normalised = finding.cvss !== null ? normaliseSeverity(AlertSource.SOC, String(finding.cvss)) : normaliseSeverity(AlertSource.SOC, finding.word!);
      rawSeverity =
        source === AlertSource.WAZUH ? String(wazuhLevelFor[normalised])
        : source === AlertSource.NCSC ? severityWord(normalised)
        : finding.cvss !== null ? finding.cvss.toFixed(1)
        : finding.word!;
      title = finding.cve ? `${finding.cve}: ${finding.title}` : finding.title;
      description =
        source === AlertSource.NCSC ? `Cảnh báo lỗ hổng từ Trung tâm Giám sát an toàn không gian mạng quốc gia (NCSC): ${finding.title} trên ${serverId}.`
        : source === AlertSource.WAZUH ? `Wazuh vulnerability detector: ${finding.title} on agent ${serverId}.`
        : `SOC vulnerability scan: ${finding.title} on ${serverId}.`;
    } else {
      const family = weighted(random, malware);
      source = random.weighted([AlertSource.NCSC, AlertSource.WAZUH, AlertSource.SURICATA], [0.4, 0.35, 0.25]);
      rawSeverity = source === AlertSource.WAZUH ? String(family.wazuhLevel) : source === AlertSource.SURICATA ? String(family.suricataPriority) : family.word;
      title =
        source === AlertSource.SURICATA ? `ET MALWARE ${family.name} CnC activity` : source === AlertSource.WAZUH ? `${family.name} detected by anti-malware` : `Mã độc ${family.name} kết nối từ máy chủ của tỉnh`;
      description =
        source === AlertSource.NCSC ? `NCSC chia sẻ: địa chỉ IP của ${serverId} kết nối tới máy chủ điều khiển của ${family.name}.`
        : source === AlertSource.SURICATA ? `Suricata EVE alert: ${family.name} command-and-control traffic from ${serverId}.`
        : `Wazuh: ${family.name} signature matched on ${serverId}.`;
    }
    const severity = normaliseSeverity(source, rawSeverity);
    const fingerprint = alertFingerprint({ source, kind, title, cve, serverId, systemId });
    // Scanners and feeds repeat a finding until it is fixed.
    const occurrences = 1 + Math.floor(-Math.log(1 - random.next()) * (kind === 'VULNERABILITY' ? 3 : 1.5));
    const spread = (occurrences - 1) * (kind === 'VULNERABILITY' ? random.int(2, 7) : random.int(1, 24) / 24) * day;
    const lastSeen = Math.min(firstSeen + spread + random.int(0, 3600) * 1000, horizon);
    // Most were handled; recent ones (December) and a few long-running vulnerabilities are still open.
    const recent = firstSeen > Date.parse('2022-12-01T00:00:00+07:00');
    let status: AlertSeedRow['status'];
    const roll = random.next();
    if ((recent && roll < 0.5) || (!recent && kind === 'VULNERABILITY' && roll < 0.03)) {
      status = random.weighted(['NEW', 'ACKNOWLEDGED', 'INVESTIGATING'] as const, [0.3, 0.3, 0.4]);
      if (openFingerprints.has(fingerprint)) status = 'RESOLVED';
      else openFingerprints.add(fingerprint);
    } else status = random.next() < 0.07 ? 'FALSE_POSITIVE' : 'RESOLVED';
    const acknowledgedAt = status === 'NEW' ? null : new Date(Math.min(firstSeen + random.int(10, 8 * 60) * 60_000, lastSeen + hour));
    const closedAt = status === 'RESOLVED' || status === 'FALSE_POSITIVE' ? new Date(Math.max(lastSeen, acknowledgedAt!.getTime()) + random.int(1, 10 * 24) * hour) : null;
    return {
      kind,
      title,
      description,
      cve,
      cvssScore,
      severity,
      rawSeverity,
      source,
      fingerprint,
      occurrences,
      firstSeen: new Date(firstSeen),
      lastSeen: new Date(lastSeen),
      status,
      assignee: status === 'NEW' ? null : random.pick(analysts),
      priority: alertPriority(severity, profile.level),
      serverId,
      systemId,
      agencyId: profile.ownerAgencyId,
      incidentId: null,
      acknowledgedAt,
      closedAt,
    };
  });

  // Incidents: about half the critical malware alerts, each with the other malware on the same system within 3 days.
  const incidents: IncidentSeedRow[] = [];
  const malwareAlerts = alerts.filter((alert) => alert.kind === 'MALWARE');
  for (const anchor of malwareAlerts) {
    if (anchor.severity !== AlertSeverity.CRITICAL || anchor.incidentId || anchor.status === 'FALSE_POSITIVE' || random.next() < 0.5) continue;
    const id = `INC-2022-${String(incidents.length + 1).padStart(3, '0')}`;
    const members = malwareAlerts.filter(
      (alert) => !alert.incidentId && alert.status !== 'FALSE_POSITIVE' && alert.systemId === anchor.systemId && Math.abs(alert.firstSeen.getTime() - anchor.firstSeen.getTime()) <= 3 * day,
    );
    for (const member of members) member.incidentId = id;
    const detectedAt = new Date(Math.min(...members.map((member) => member.firstSeen.getTime())));
    const due = reportDueAt(detectedAt);
    const open = members.some((member) => member.status !== 'RESOLVED');
    // Most were reported within the 5 days; a few late.
    const reportedAt = new Date(detectedAt.getTime() + (random.next() < 0.8 ? random.int(6, 5 * 24 - 1) : random.int(5 * 24 + 2, 9 * 24)) * hour);
    const lastClosed = Math.max(...members.map((member) => member.closedAt?.getTime() ?? 0), reportedAt.getTime());
    incidents.push({
      id,
      title: `${anchor.title.replace(/^ET MALWARE /, '').replace(/ CnC activity$/, '')} trên hệ thống ${anchor.systemId}`,
      severity: members.reduce<AlertSeverity>((worst, member) => maxSeverity(worst, member.severity), AlertSeverity.LOW),
      status: open ? 'CONTAINED' : 'CLOSED',
      systemId: anchor.systemId,
      agencyId: anchor.agencyId,
      detectedAt,
      reportDueAt: due,
      reportedAt,
      closedAt: open ? null : new Date(lastClosed + random.int(1, 48) * hour),
    });
  }
  return { alerts, incidents };
}

/**
 * `scale` N > 1 (benchmarks): N years' worth of 2022 alerts, copy k with its own random seed (copy
 * 0 is the scale-1 set), incidents of copy k renamed `INC-2022-001-x<k+1>`, and merged in
 * first-seen order. An open alert of a later copy whose fingerprint is already open is resolved
 * a day after it was last seen (at most one open alert per fingerprint, as the schema requires).
 */
export function scaleAlerts(profiles: readonly ProfileSeedRow[], scale: number): { alerts: AlertSeedRow[]; incidents: IncidentSeedRow[] } {
  const base = buildAlerts(profiles);
  if (scale === 1) return base;
  const alerts = [...base.alerts];
  const incidents = [...base.incidents];
  const isOpen = (alert: AlertSeedRow) => alert.status === 'NEW' || alert.status === 'ACKNOWLEDGED' || alert.status === 'INVESTIGATING';
  const open = new Set(alerts.filter(isOpen).map((alert) => alert.fingerprint));
  for (let copy = 1; copy < scale; copy++) {
    const extra = buildAlerts(profiles, 421_2022 + copy * 7919);
    const rename = (id: string) => `${id}-x${copy + 1}`;
    for (const incident of extra.incidents) incidents.push({ ...incident, id: rename(incident.id) });
    for (const alert of extra.alerts) {
      const row = { ...alert, incidentId: alert.incidentId && rename(alert.incidentId) };
      if (isOpen(row)) {
        if (open.has(row.fingerprint)) {
          row.status = 'RESOLVED';
          row.assignee ??= analysts[0]!;
          row.acknowledgedAt ??= new Date(row.firstSeen.getTime() + hour);
          row.closedAt = new Date(Math.max(row.lastSeen.getTime(), row.acknowledgedAt.getTime()) + day);
        } else open.add(row.fingerprint);
      }
      alerts.push(row);
    }
  }
  // Stable: equal first-seen times keep copy order.
  alerts.sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime());
  return { alerts, incidents };
}

export async function seedMonitoredServers(manager: EntityManager, rows: readonly MonitoredServerRow[]): Promise<number> {
  return bulkInsert(
    manager,
    'monitored_server',
    ['server_id', 'kind', 'host_id', 'system_ids', 'hostname', 'ipv4', 'synthetic'],
    rows.map((row) => [row.serverId, row.kind, row.hostId, row.systemIds, row.hostname, row.ipv4, true]),
    {
      conflict:
        'ON CONFLICT (server_id) DO UPDATE SET kind = EXCLUDED.kind, host_id = EXCLUDED.host_id, system_ids = EXCLUDED.system_ids, hostname = EXCLUDED.hostname, ipv4 = EXCLUDED.ipv4',
    },
  );
}

/** Replaces the synthetic alerts and incidents (alerts raised since stay); inserted in first-seen order. */
export async function seedAlerts(manager: EntityManager, data: { alerts: AlertSeedRow[]; incidents: IncidentSeedRow[] }): Promise<{ alerts: number; incidents: number }> {
  await manager.query('DELETE FROM alert WHERE synthetic');
  await manager.query('DELETE FROM incident WHERE synthetic AND id NOT IN (SELECT incident_id FROM alert WHERE incident_id IS NOT NULL)');
  const incidents = await bulkInsert(
    manager,
    'incident',
    ['id', 'title', 'severity', 'status', 'system_id', 'agency_id', 'detected_at', 'report_due_at', 'reported_at', 'closed_at', 'synthetic'],
    data.incidents.map((row) => [row.id, row.title, row.severity, row.status, row.systemId, row.agencyId, row.detectedAt, row.reportDueAt, row.reportedAt, row.closedAt, true]),
  );
  const alerts = await bulkInsert(
    manager,
    'alert',
    [
      'kind', 'title', 'description', 'cve', 'cvss_score', 'severity', 'raw_severity', 'source', 'fingerprint', 'occurrences', 'first_seen', 'last_seen',
      'status', 'assignee', 'priority', 'server_id', 'system_id', 'agency_id', 'incident_id', 'acknowledged_at', 'closed_at', 'synthetic', 'updated_at',
    ],
    data.alerts.map((row) => [
      row.kind, row.title, row.description, row.cve, row.cvssScore, row.severity, row.rawSeverity, row.source, row.fingerprint, row.occurrences, row.firstSeen, row.lastSeen,
      row.status, row.assignee, row.priority, row.serverId, row.systemId, row.agencyId, row.incidentId, row.acknowledgedAt, row.closedAt, true, row.closedAt ?? row.lastSeen,
    ]),
  );
  return { alerts, incidents };
}
