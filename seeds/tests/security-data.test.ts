import { describe, expect, it } from 'vitest';
import { buildAlerts, buildMonitoredServers } from '../src/security/alerts.seed';
import { approvedSystemIds, buildProfiles } from '../src/security/profiles.seed';
import { loadSystems } from '../src/shared/systems';
import { dataCentrePlacement } from '../src/shared/topology';
import { vietnamYear } from '@ioc/kit';
import { alertPriority, normaliseSeverity, isOpen } from '@ioc/security/domain';

describe('security seed data', () => {
  const profiles = buildProfiles();
  const { alerts, incidents } = buildAlerts(profiles);

  it('grades exactly 21 of the 47 systems, choosing deterministically when the flag count differs', () => {
    expect(profiles).toHaveLength(47);
    expect(profiles.filter((profile) => profile.approvalStatus === 'APPROVED')).toHaveLength(21);
    const unflagged = loadSystems().map((system) => ({ ...system, securityLevelApproved2022: false }));
    const chosen = approvedSystemIds(unflagged);
    expect(chosen.size).toBe(21);
    expect(approvedSystemIds(unflagged)).toEqual(chosen);
  });

  it('is deterministic', () => {
    expect(buildAlerts(buildProfiles())).toEqual({ alerts, incidents });
  });

  it('has the 421 alerts of 2022: 296 vulnerability, 125 malware, all first seen in 2022 (Vietnam time)', () => {
    const { start, end } = vietnamYear(2022);
    expect(alerts).toHaveLength(421);
    expect(alerts.filter((alert) => alert.kind === 'VULNERABILITY')).toHaveLength(296);
    expect(alerts.filter((alert) => alert.kind === 'MALWARE')).toHaveLength(125);
    expect(alerts.every((alert) => alert.firstSeen >= start && alert.firstSeen < end && alert.lastSeen >= alert.firstSeen)).toBe(true);
    expect(alerts.map((alert) => alert.firstSeen.getTime())).toEqual([...alerts.map((alert) => alert.firstSeen.getTime())].sort((a, b) => a - b));
  });

  it('puts every alert on a VM that hosts its system, owned by the system owner, with severity and priority by the rules', () => {
    const hosts = new Map(dataCentrePlacement().map((placement) => [placement.vmId, placement.systemCodes]));
    const profileOf = new Map(profiles.map((profile) => [profile.systemId, profile]));
    for (const alert of alerts) {
      expect(hosts.get(alert.serverId)).toContain(alert.systemId);
      expect(alert.agencyId).toBe(profileOf.get(alert.systemId)!.ownerAgencyId);
      expect(alert.severity).toBe(normaliseSeverity(alert.source, alert.rawSeverity));
      expect(alert.priority).toBe(alertPriority(alert.severity, profileOf.get(alert.systemId)!.level));
    }
  });

  it('never has two open alerts with one fingerprint, and groups incidents on one system', () => {
    const open = alerts.filter((alert) => isOpen(alert.status as never)).map((alert) => alert.fingerprint);
    expect(new Set(open).size).toBe(open.length);
    expect(incidents.length).toBeGreaterThan(5);
    for (const incident of incidents) {
      const members = alerts.filter((alert) => alert.incidentId === incident.id);
      expect(members.length).toBeGreaterThan(0);
      expect(members.every((alert) => alert.systemId === incident.systemId && alert.kind === 'MALWARE')).toBe(true);
    }
  });

  it('monitors the 31 hosts and 140 VMs', () => {
    const servers = buildMonitoredServers();
    expect(servers.filter((server) => server.kind === 'PHYSICAL')).toHaveLength(31);
    expect(servers.filter((server) => server.kind === 'VIRTUAL')).toHaveLength(140);
  });
});
