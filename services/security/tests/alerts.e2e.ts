import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startSecurity, type SecurityHarness } from './support';

const alertsQuery = /* GraphQL */ `
  query Alerts(
    $kind: AlertKind, $status: AlertStatus, $open: Boolean, $severity: AlertSeverity, $source: AlertSource,
    $systemId: String, $serverId: String, $agencyId: String, $from: String, $to: String,
    $first: Int! = 50, $after: String, $orderBy: AlertOrder! = LAST_SEEN_DESC
  ) {
    alerts(kind: $kind, status: $status, open: $open, severity: $severity, source: $source, systemId: $systemId, serverId: $serverId,
           agencyId: $agencyId, from: $from, to: $to, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id sequence kind status severity source priority firstSeen lastSeen server { id } system { id } agency { id } }
    }
  }
`;

describe('alerts queries', () => {
  let h: SecurityHarness;
  const alerts = async (variables: Record<string, unknown> = {}) => {
    const result = await h.gql(alertsQuery, variables);
    expect(result.errors).toBeUndefined();
    return result.data.alerts as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: any[] };
  };

  beforeAll(async () => {
    h = await startSecurity('sec_alerts');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('counts the 2022 alerts by kind', async () => {
    const result = await h.gql('query Stats($year: Int!) { alertStats(year: $year) { total vulnerability malware open byKind { kind count } } }', { year: 2022 });
    expect(result.data.alertStats).toMatchObject({ total: 421, vulnerability: 296, malware: 125 });
    expect(result.data.alertStats.byKind).toEqual([
      { kind: 'VULNERABILITY', count: 296 },
      { kind: 'MALWARE', count: 125 },
      { kind: 'INTRUSION', count: 0 },
    ]);
    const other = await h.gql('{ alertStats(year: 2021) { total } }');
    expect(other.data.alertStats.total).toBe(0);
  });

  it('filters by kind and by a date range in Vietnam time', async () => {
    expect((await alerts({ kind: 'VULNERABILITY' })).totalCount).toBe(296);
    expect((await alerts({ kind: 'MALWARE', from: '2022-01-01', to: '2022-12-31' })).totalCount).toBe(125);
    const firstHalf = (await alerts({ from: '2022-01-01', to: '2022-06-30' })).totalCount;
    const secondHalf = (await alerts({ from: '2022-07-01', to: '2022-12-31' })).totalCount;
    expect(firstHalf).toBeGreaterThan(100);
    expect(firstHalf + secondHalf).toBe(421);
    const june = await alerts({ from: '2022-06-01', to: '2022-06-30', first: 500 });
    for (const node of june.nodes) {
      expect(node.firstSeen >= '2022-05-31T17:00:00.000Z' && node.firstSeen < '2022-06-30T17:00:00.000Z').toBe(true);
    }
  });

  it('filters by status, open, severity and source consistently', async () => {
    const open = await alerts({ open: true, first: 500 });
    const closed = await alerts({ open: false });
    expect(open.totalCount + closed.totalCount).toBe(421);
    expect(open.nodes.every((node) => ['NEW', 'ACKNOWLEDGED', 'INVESTIGATING'].includes(node.status))).toBe(true);
    let byStatus = 0;
    for (const status of ['NEW', 'ACKNOWLEDGED', 'INVESTIGATING', 'RESOLVED', 'FALSE_POSITIVE']) {
      const page = await alerts({ status, first: 500 });
      expect(page.nodes.every((node) => node.status === status)).toBe(true);
      byStatus += page.totalCount;
    }
    expect(byStatus).toBe(421);
    const critical = await alerts({ severity: 'CRITICAL', source: 'SURICATA', first: 500 });
    expect(critical.nodes.every((node) => node.severity === 'CRITICAL' && node.source === 'SURICATA')).toBe(true);
  });

  it('filters by system, server and agency, and links each alert to all three', async () => {
    const portal = await alerts({ systemId: 'public-service-portal', first: 500 });
    expect(portal.totalCount).toBeGreaterThan(0);
    expect(portal.nodes.every((node) => node.system.id === 'public-service-portal' && node.agency.id === 'STTTT' && /^vm-\d{3}$/.test(node.server.id))).toBe(true);
    const server = portal.nodes[0].server.id;
    const onServer = await alerts({ serverId: server, first: 500 });
    expect(onServer.nodes.every((node) => node.server.id === server)).toBe(true);
    const agency = await alerts({ agencyId: 'VPUBND', first: 500 });
    expect(agency.totalCount).toBeGreaterThan(0);
    expect(agency.nodes.every((node) => node.agency.id === 'VPUBND')).toBe(true);
    expect((await alerts({ agencyId: 'no-such-agency' })).totalCount).toBe(0);
  });

  it('pages with cursors through every alert exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await alerts({ first: 100, after, orderBy: 'SEQUENCE_ASC' });
      expect(page.totalCount).toBe(421);
      seen.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(421);
  });

  it('sorts by sequence, priority and last seen', async () => {
    const bySequence = await alerts({ first: 500, orderBy: 'SEQUENCE_ASC' });
    const sequences = bySequence.nodes.map((node) => Number(node.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    // Seeds insert in first-seen order, so the sequence follows time.
    const firstSeen = bySequence.nodes.map((node) => node.firstSeen);
    expect(firstSeen).toEqual([...firstSeen].sort());
    const priorities = (await alerts({ first: 500, orderBy: 'PRIORITY_DESC' })).nodes.map((node) => node.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const lastSeen = (await alerts({ first: 500 })).nodes.map((node) => node.lastSeen);
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
  });

  it.each([
    [{ first: 501 }, 'first'],
    [{ first: 0 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ from: '2022-13-01' }, 'from'],
    [{ to: 'yesterday' }, 'to'],
    [{ from: '2022-06-01', to: '2022-05-01' }, 'from'],
    [{ systemId: 'no-such-system' }, 'systemId'],
    [{ serverId: 'vm-999' }, 'serverId'],
  ])('refuses %j naming %s', async (variables, argument) => {
    const result = await h.gql(alertsQuery, variables);
    expect(firstError(result)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses an implausible year', async () => {
    expect(firstError(await h.gql('{ alertStats(year: 1999) { total } }'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });

  it('finds one alert by id and returns null for an unknown one', async () => {
    const [node] = (await alerts({ first: 1 })).nodes;
    const found = await h.gql('query Alert($id: String!) { alert(id: $id) { id kind } }', { id: node.id });
    expect(found.data.alert).toEqual({ id: node.id, kind: node.kind });
    expect((await h.gql('{ alert(id: "alert-0") { id } }')).data.alert).toBeNull();
  });
});

describe('security profiles and incidents', () => {
  let h: SecurityHarness;
  beforeAll(async () => {
    h = await startSecurity('sec_profiles');
  });
  afterAll(async () => {
    await h?.stop();
  });

  const profilesQuery = /* GraphQL */ `
    query Profiles($level: Int, $approvalStatus: GradingApprovalStatus, $ownerAgencyId: String, $inDataCentre: Boolean,
                   $inspectionOverdue: Boolean, $fourLayerComplete: Boolean, $first: Int! = 50) {
      securityProfiles(level: $level, approvalStatus: $approvalStatus, ownerAgencyId: $ownerAgencyId, inDataCentre: $inDataCentre,
                       inspectionOverdue: $inspectionOverdue, fourLayerComplete: $fourLayerComplete, first: $first) {
        totalCount
        nodes {
          systemId level approvalStatus approvalAuthority approvedDate lastInspection nextInspectionDue inspectionOverdue inDataCentre
          protection { onSiteForce professionalMonitoring independentInspection ncscConnected complete }
          ownerAgency { id }
        }
      }
    }
  `;
  const profiles = async (variables: Record<string, unknown> = {}) => {
    const result = await h.gql(profilesQuery, variables);
    expect(result.errors).toBeUndefined();
    return result.data.securityProfiles as { totalCount: number; nodes: any[] };
  };

  it('has one profile per system, 21 approved', async () => {
    expect((await profiles()).totalCount).toBe(47);
    const approved = await profiles({ approvalStatus: 'APPROVED' });
    expect(approved.totalCount).toBe(21);
    expect(approved.nodes.every((node) => node.approvedDate && node.level >= 1 && node.level <= 5)).toBe(true);
    const counts = await Promise.all(['PENDING', 'NOT_SUBMITTED'].map((approvalStatus) => profiles({ approvalStatus })));
    expect(21 + counts[0]!.totalCount + counts[1]!.totalCount).toBe(47);
    expect(counts[1]!.nodes.every((node) => node.level === null && node.approvalAuthority === null)).toBe(true);
  });

  it('derives the approval authority from the level', async () => {
    const { nodes } = await profiles({ approvalStatus: 'APPROVED' });
    const expected = (level: number) => (level <= 2 ? 'OWNER_UNIT' : level === 3 ? 'OWNER' : 'MINISTRY_APPRAISAL');
    expect(nodes.every((node) => node.approvalAuthority === expected(node.level))).toBe(true);
    const level3 = await profiles({ level: 3 });
    expect(level3.nodes.every((node) => node.level === 3)).toBe(true);
  });

  it('filters overdue inspections and four-layer completeness the same way the fields compute them', async () => {
    const all = (await profiles()).nodes;
    const overdue = await profiles({ inspectionOverdue: true });
    expect(overdue.totalCount).toBe(all.filter((node) => node.inspectionOverdue).length);
    expect(overdue.nodes.every((node) => node.inspectionOverdue && node.nextInspectionDue)).toBe(true);
    expect((await profiles({ inspectionOverdue: false })).totalCount).toBe(47 - overdue.totalCount);
    const complete = await profiles({ fourLayerComplete: true, inDataCentre: true });
    expect(complete.totalCount).toBe(all.filter((node) => node.protection.complete && node.inDataCentre).length);
    expect(complete.nodes.every((node) => Object.values(node.protection).every(Boolean))).toBe(true);
  });

  it('refuses a level outside 1–5', async () => {
    expect(firstError(await h.gql(profilesQuery, { level: 6 }))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'level' });
  });

  it('lists incidents with their alerts and 5-day reporting clock', async () => {
    const result = await h.gql(`query Incidents($first: Int!) {
      incidents(first: $first) { totalCount nodes { id severity status detectedAt reportDueAt reportedAt slaStatus slaBreached alertCount alerts { id kind incident { id } } system { id } } }
    }`, { first: 100 });
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.incidents;
    expect(totalCount).toBeGreaterThan(5);
    for (const incident of nodes) {
      expect(Date.parse(incident.reportDueAt) - Date.parse(incident.detectedAt)).toBe(5 * 24 * 3600 * 1000);
      expect(incident.alertCount).toBe(incident.alerts.length);
      expect(incident.alerts.every((alert: any) => alert.kind === 'MALWARE' && alert.incident.id === incident.id)).toBe(true);
      expect(incident.slaBreached).toBe(incident.slaStatus === 'REPORTED_LATE' || incident.slaStatus === 'OVERDUE');
    }
    const late = await h.gql('{ incidents(slaStatus: REPORTED_LATE) { totalCount nodes { slaStatus } } }');
    expect(late.data.incidents.totalCount).toBe(nodes.filter((node: any) => node.slaStatus === 'REPORTED_LATE').length);
    const bad = await h.gql('{ incidents(from: "2022-05-01", to: "2022-04-01") { totalCount } }');
    expect(firstError(bad)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});
