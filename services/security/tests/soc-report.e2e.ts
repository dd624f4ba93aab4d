import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, startSecurity, type SecurityHarness } from './support';

export const socReportQuery = /* GraphQL */ `
  query Report($period: ReportPeriod!, $from: String!) {
    socReport(period: $period, from: $from) {
      period from to
      alerts { total byCategory { key count } bySeverity { key count } byAgency { key count } byTactic { key count }
               timeToAcknowledge { count medianMinutes p90Minutes } timeToResolve { count medianMinutes p90Minutes } }
      incidents { total reportedOnTime reportedLate overdue due containBreached resolveBreached incidents { id } }
      compliance { systems graded dataCentreSystems dataCentreFourLayer indicators { code actual } }
    }
  }
`;

const hourMs = 60 * 60 * 1000;
/** This week's Monday in Vietnam (YYYY-MM-DD) and its start instant. */
function thisWeek(): { monday: string; start: Date } {
  const local = new Date(Date.now() + 7 * hourMs);
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7)));
  const date = monday.toISOString().slice(0, 10);
  return { monday: date, start: new Date(`${date}T00:00:00+07:00`) };
}

describe('SOC report for a period', () => {
  let h: SecurityHarness;
  const week = thisWeek();

  beforeAll(async () => {
    h = await startSecurity('sec_soc_report');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('counts the week\'s alerts by category, severity, agency and tactic, with response-time median and 90th percentile', async () => {
    const seenAt = new Date(Math.min(week.start.getTime() + hourMs, Date.now() - 60_000)).toISOString();
    const ids: string[] = [];
    for (const [n, rawSeverity, kind] of [[1, '1', 'MALWARE'], [2, '2', 'INTRUSION'], [3, '2', 'INTRUSION']] as const) {
      const result = await h.gql(`mutation R($input: RaiseAlertInput!) { raiseAlert(input: $input) { alert { id } } }`, {
        input: { kind, source: 'SURICATA', rawSeverity, title: `report probe ${n}`, serverId: 'vm-001', observedAt: seenAt },
      });
      ids.push(result.data.raiseAlert.alert.id);
    }
    // Response times fixed in the rows, so the figures are exact: acknowledged after 10, 20, 30 minutes; one resolved after 2 hours.
    const steps: Array<[number, string[]]> = [[10, ['TA0001', 'TA0011']], [20, ['TA0001', 'TA0043']], [30, ['TA0001', 'TA0043']]];
    for (const [index, [minutes, tactics]] of steps.entries()) {
      await h.server.db.query(`UPDATE alert SET status = 'ACKNOWLEDGED', acknowledged_at = first_seen + $2 * interval '1 minute', mitre_tactics = $3 WHERE id = $1`, [ids[index], minutes, tactics]);
    }
    await h.server.db.query(`UPDATE alert SET status = 'RESOLVED', closed_at = first_seen + interval '2 hours' WHERE id = $1`, [ids[0]]);
    await h.gql(`mutation I($input: CreateIncidentInput!) { createIncident(input: $input) { id } }`, { input: { title: 'Emotet on iOffice', alertIds: [ids[0]] } });

    const result = await h.gql(socReportQuery, { period: 'WEEK', from: week.monday });
    expect(result.errors).toBeUndefined();
    const report = result.data.socReport;
    expect(report).toMatchObject({ period: 'WEEK', from: week.start.toISOString(), to: new Date(week.start.getTime() + 7 * 24 * hourMs).toISOString() });
    expect(report.alerts).toEqual({
      total: 3,
      byCategory: [{ key: 'INTRUSION', count: 2 }, { key: 'MALWARE', count: 1 }],
      bySeverity: [{ key: 'HIGH', count: 2 }, { key: 'CRITICAL', count: 1 }],
      byAgency: [{ key: 'STTTT', count: 3 }],
      byTactic: [{ key: 'TA0001', count: 3 }, { key: 'TA0043', count: 2 }, { key: 'TA0011', count: 1 }],
      timeToAcknowledge: { count: 3, medianMinutes: 20, p90Minutes: 28 },
      timeToResolve: { count: 1, medianMinutes: 120, p90Minutes: 120 },
    });
    expect(report.incidents).toMatchObject({ total: 1, due: 1, overdue: 0, reportedOnTime: 0 });
    expect(report.compliance.systems).toBeGreaterThan(0);
    expect(report.compliance.indicators.map((indicator: { code: string }) => indicator.code)).toContain('systemsGradedShare');
  });

  it('reports a quarter, half-year and year from their first day, and nothing for an empty one', async () => {
    for (const period of ['QUARTER', 'HALF_YEAR', 'YEAR']) {
      const result = await h.gql(socReportQuery, { period, from: '2019-01-01' });
      expect(result.errors).toBeUndefined();
      expect(result.data.socReport.alerts).toMatchObject({ total: 0, byCategory: [], timeToAcknowledge: { count: 0, medianMinutes: null } });
    }
    const q2 = (await h.gql(socReportQuery, { period: 'QUARTER', from: '2022-04-01' })).data.socReport;
    expect([q2.from, q2.to]).toEqual(['2022-03-31T17:00:00.000Z', '2022-06-30T17:00:00.000Z']);
  });

  it.each([
    ['WEEK', '2023-01-03', /Monday/],
    ['QUARTER', '2023-02-01', /01-01, 04-01, 07-01, 10-01/],
    ['HALF_YEAR', '2023-04-01', /01-01, 07-01/],
    ['YEAR', '2023-02-30', /not a date/],
  ])('refuses a %s from %s, naming from', async (period, from, message) => {
    const error = firstError(await h.gql(socReportQuery, { period, from }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect(error.message).toMatch(message);
  });

  it('is for analysts and admins', async () => {
    for (const caller of [{ role: 'ioc-viewer' }, { role: 'agency-client', agencyId: 'STTTT' }, { role: 'ingest' }] as const) {
      expect((await h.gql(socReportQuery, { period: 'YEAR', from: '2022-01-01' }, caller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
