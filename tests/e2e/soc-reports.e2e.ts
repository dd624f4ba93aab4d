import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { socReportCsv, socReportDocument } from '@ioc/gateway/reports';

/** The CSV's rows as arrays of cells (the writer quotes only cells with a comma, quote or line break). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trimEnd().split('\r\n')) {
    const cells: string[] = [];
    const pattern = /("([^"]|"")*"|[^,]*)(,|$)/g;
    for (let match = pattern.exec(line); match && match.index < line.length; match = pattern.exec(line)) {
      const raw = match[1]!;
      cells.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
      if (!match[3]) break;
    }
    rows.push(cells);
  }
  return rows;
}

describe('SOC report downloads from the gateway', () => {
  let stack: Stack;
  let base: string;
  let analyst: string;
  const download = (query: string, token: string | null = analyst) =>
    fetch(`${base}/reports/soc?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    stack = await startStack({ adminUrl: inject('postgresAdminUrl') });
    base = stack.gateway.url.replace(/\/graphql$/, '');
    analyst = await stack.tokenFor('soc-analyst');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('gives the year\'s report as JSON, the same figures the GraphQL query gives', async () => {
    const response = await download('period=year&from=2022-01-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="soc-report-year-2022-01-01.json"');
    const report = await response.json();
    const direct = await stack.query<{ socReport: any }>(socReportDocument, { period: 'YEAR', from: '2022-01-01' }, 'soc-analyst');
    expect(direct.errors).toBeUndefined();
    const { generatedAt: _a, ...downloaded } = report;
    const { generatedAt: _b, ...queried } = direct.data!.socReport;
    expect(downloaded).toEqual(queried);
    expect(report.alerts.total).toBeGreaterThan(0);
    expect(report.incidents.total).toBeGreaterThan(0);
  });

  it('gives the same report as CSV, one figure a row, with formula-looking text defused', async () => {
    const marked = await stack.query<{ raiseAlert: { alert: { id: string } } }>(
      `mutation { raiseAlert(input: { kind: MALWARE, source: SURICATA, rawSeverity: "1", title: "csv probe", serverId: "vm-001", observedAt: "2022-12-30T10:00:00+07:00" }) { alert { id } } }`,
      {},
      'soc-analyst',
    );
    const alertId = marked.data!.raiseAlert.alert.id;
    const incident = await stack.query<{ createIncident: { id: string } }>(
      `mutation($ids: [String!]!) { createIncident(input: { title: "=HYPERLINK(\\"http://evil\\")", alertIds: $ids }) { id } }`,
      { ids: [alertId] },
      'soc-analyst',
    );
    expect(incident.errors).toBeUndefined();

    const [json, csv] = await Promise.all([download('period=year&from=2022-01-01').then((r) => r.json()), download('period=year&from=2022-01-01&format=csv')]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="soc-report-year-2022-01-01.csv"');
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual(['section', 'item', 'field', 'value']);
    const value = (section: string, item: string, field: string) => rows.find((row) => row[0] === section && row[1] === item && row[2] === field)?.[3];
    expect(value('alerts', '', 'total')).toBe(String(json.alerts.total));
    for (const { key, count } of json.alerts.bySeverity) expect(value('alerts.bySeverity', key, 'count')).toBe(String(count));
    expect(value('alerts.timeToAcknowledge', '', 'medianMinutes')).toBe(json.alerts.timeToAcknowledge.medianMinutes === null ? '' : String(json.alerts.timeToAcknowledge.medianMinutes));
    expect(value('incidents.incidents', incident.data!.createIncident.id, 'title')).toBe(`'=HYPERLINK("http://evil")`);
    expect(value('compliance.indicators', 'systemsGradedShare', 'target')).toBe(String(json.compliance.indicators.find((i: any) => i.code === 'systemsGradedShare').target));
    // Every figure of the JSON has its row (the CSV writer is the one the route uses).
    expect(rows.length).toBe(parseCsv(socReportCsv(json)).length);
  });

  it('refuses what it cannot answer with a status and the parameter at fault', async () => {
    const cases: Array<[string, string | null, number, string | undefined]> = [
      ['period=year&from=2022-01-01', null, 401, undefined],
      ['period=month&from=2022-01-01', analyst, 400, 'period'],
      ['period=year', analyst, 400, 'from'],
      ['period=year&from=2022-01-01&format=xlsx', analyst, 400, 'format'],
      ['period=year&from=2022-01-01&from=2023-01-01', analyst, 400, 'from'],
      ['period=quarter&from=2022-02-01', analyst, 400, 'from'],
    ];
    for (const [query, token, status, argument] of cases) {
      const response = await download(query, token);
      expect([query, response.status]).toEqual([query, status]);
      const body = await response.json();
      expect(body.error.message).toBeTruthy();
      if (argument) expect(body.error.argument).toBe(argument);
    }
    const viewer = await download('period=year&from=2022-01-01', await stack.tokenFor('ioc-viewer'));
    expect(viewer.status).toBe(403);
  });
});
