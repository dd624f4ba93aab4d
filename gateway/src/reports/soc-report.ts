import type { Express, Request, Response } from 'express';

/**
 * GET /reports/soc?period=quarter&from=2023-01-01&format=csv: the security subgraph's socReport
 * as a download. The gateway runs the query through its own /graphql with the caller's bearer
 * token, so the same admission (authentication, roles, limits, rate) applies as to any query.
 */
const periods: Record<string, string> = { week: 'WEEK', quarter: 'QUARTER', 'half-year': 'HALF_YEAR', year: 'YEAR' };
const formats = ['json', 'csv'] as const;
type Format = (typeof formats)[number];

export const socReportDocument = /* GraphQL */ `
  query SocReportDownload($period: ReportPeriod!, $from: String!) {
    socReport(period: $period, from: $from) {
      period from to generatedAt
      alerts {
        total
        byCategory { key count } bySeverity { key count } byAgency { key count } byTactic { key count }
        timeToAcknowledge { count medianMinutes p90Minutes }
        timeToResolve { count medianMinutes p90Minutes }
      }
      incidents {
        total reportedOnTime reportedLate overdue due containBreached resolveBreached
        incidents { id title severity status detectedAt reportDueAt reportedAt containDueAt resolveDueAt slaStatus containBreached resolveBreached }
      }
      compliance {
        systems graded pending notSubmitted inspectedAsRequired inspectionsOverdue dataCentreSystems dataCentreFourLayer
        indicators { code titleEn unit target comparator actual status }
      }
    }
  }
`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A CSV cell: quoted when it must be, and a leading = + - @ defused so a spreadsheet shows it instead of running it. */
function cell(value: Json): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report in long form, one figure a row: section, item (the key, id or code of a list entry),
 * field, value. Every figure of the JSON is in it, so nothing needs a second format to read.
 */
export function socReportCsv(report: { [key: string]: Json }): string {
  const rows: Json[][] = [['section', 'item', 'field', 'value']];
  const walk = (section: string, value: { [key: string]: Json }, item = '') => {
    for (const [field, inner] of Object.entries(value)) {
      if (Array.isArray(inner)) {
        for (const entry of inner as Array<{ [key: string]: Json }>) {
          const label = String(entry.key ?? entry.id ?? entry.code ?? '');
          const { key: _key, id: _id, code: _code, ...rest } = entry;
          walk(`${section}.${field}`, rest, label);
        }
      } else if (inner !== null && typeof inner === 'object') walk(section ? `${section}.${field}` : field, inner);
      else rows.push([section || 'report', item, field, inner]);
    }
  };
  walk('', report);
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** One query parameter, given once; a repeated one is refused (it would be ambiguous). */
function single(req: Request, name: string): string | undefined | Error {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : new Error(`${name} may be given once`);
}

function refuse(res: Response, status: number, code: string, message: string, argument?: string): void {
  res.status(status).json({ error: { code, message, ...(argument ? { argument } : {}) } });
}

/** GraphQL error codes as HTTP statuses for a download. */
const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

export function mountSocReports(app: Express, graphqlUrl: () => string): void {
  app.get('/reports/soc', async (req, res) => {
    const period = single(req, 'period');
    const from = single(req, 'from');
    const format = single(req, 'format') ?? 'json';
    for (const [name, value] of [['period', period], ['from', from], ['format', format]] as const) {
      if (value instanceof Error) return refuse(res, 400, 'BAD_REQUEST', value.message, name);
    }
    if (typeof period !== 'string' || !periods[period]) return refuse(res, 400, 'BAD_REQUEST', `period must be one of ${Object.keys(periods).join(', ')}`, 'period');
    if (typeof from !== 'string' || !from) return refuse(res, 400, 'BAD_REQUEST', 'from is the first day of the period (YYYY-MM-DD)', 'from');
    if (!formats.includes(format as Format)) return refuse(res, 400, 'BAD_REQUEST', `format must be ${formats.join(' or ')}`, 'format');

    const answer = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) },
      body: JSON.stringify({ query: socReportDocument, variables: { period: periods[period], from } }),
    });
    const body = (await answer.json().catch(() => null)) as { data?: { socReport?: { [key: string]: Json } | null } | null; errors?: Array<{ message: string; extensions?: { code?: string; argument?: string } }> } | null;
    const error = body?.errors?.[0];
    if (error || !body?.data?.socReport) {
      const code = error?.extensions?.code ?? 'BAD_GATEWAY';
      if (answer.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      return refuse(res, statusOf[code] ?? (answer.status >= 400 && answer.status < 500 ? answer.status : 502), code, error?.message ?? 'no report', error?.extensions?.argument);
    }
    const name = `soc-report-${period}-${from}.${format}`;
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.setHeader('cache-control', 'no-store');
    if (format === 'csv') return void res.type('text/csv; charset=utf-8').send(socReportCsv(body.data.socReport));
    res.json(body.data.socReport);
  });
}
