import { badInput, loadEach, parseDate, type SubgraphContext, vietnamToday, vietnamYear } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import type { DossierStatistics } from '../types/dossier-statistics.type';
import { cachedAggregate } from '../loaders/aggregate-cache.loader';

const aggregates = `
  count(*)::int AS received,
  count(*) FILTER (WHERE channel = 'ONLINE')::int AS online,
  count(*) FILTER (WHERE status = 'RESOLVED')::int AS resolved,
  count(*) FILTER (WHERE status = 'RESOLVED' AND resolved_at <= due_at)::int AS resolved_on_time,
  count(*) FILTER (WHERE status = 'PROCESSING' AND due_at < now())::int AS overdue`;

interface AggregateRow {
  code: string | null;
  received: number;
  online: number;
  resolved: number;
  resolved_on_time: number;
  overdue: number;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((10_000 * part) / whole) / 100 : null);

export function toStatistics(unitCode: string, year: number, row: Partial<AggregateRow> | undefined): DossierStatistics {
  const received = row?.received ?? 0;
  const online = row?.online ?? 0;
  const resolved = row?.resolved ?? 0;
  const resolvedOnTime = row?.resolved_on_time ?? 0;
  return {
    unitCode,
    year,
    received,
    online,
    inPerson: received - online,
    resolved,
    resolvedOnTime,
    processing: received - resolved,
    overdue: row?.overdue ?? 0,
    onlineShare: share(online, received),
    onTimeShare: share(resolvedOnTime, resolved),
  };
}

export interface StatisticsFilter {
  serviceLevel?: number | null;
  agencyId?: string | null;
}

function filterSql(filter: StatisticsFilter, params: unknown[]): string {
  let sql = '';
  if (filter.serviceLevel !== null && filter.serviceLevel !== undefined) {
    if (![2, 3, 4].includes(filter.serviceLevel)) throw badInput('serviceLevel', `must be 2, 3 or 4, got ${filter.serviceLevel}`);
    params.push(filter.serviceLevel);
    sql += ` AND service_level = $${params.length}`;
  }
  if (filter.agencyId) {
    params.push(filter.agencyId);
    sql += ` AND agency_id = $${params.length}`;
  }
  return sql;
}

/** One row per direct subdivision of `parentCode` (all of them, zero where nothing was received): one SQL query. */
export async function childStatistics(ctx: SubgraphContext, parentCode: string, year: number, filter: StatisticsFilter): Promise<DossierStatistics[]> {
  const parent = await ctx.db.getRepository(AdministrativeUnit).findOneBy({ code: parentCode });
  if (!parent) throw badInput('parentCode', `no administrative unit with code "${parentCode}"`);
  if (parent.level === UnitLevel.COMMUNE) return [];
  const { start, end } = vietnamYear(year);
  const params: unknown[] = [start, end, parentCode, vietnamToday()];
  const column = parent.level === UnitLevel.PROVINCE ? 'district_code' : 'commune_code';
  const scope = parent.level === UnitLevel.PROVINCE ? '' : ' AND district_code = $3';
  const where = filterSql(filter, params);
  const key = `stats:children:${JSON.stringify(params)}:${where}`;
  const rows = await cachedAggregate(ctx, key, (): Promise<Array<AggregateRow & { child: string }>> => ctx.db.query(
    `SELECT u.code AS child, s.*
       FROM administrative_unit u
       LEFT JOIN (SELECT ${column} AS code, ${aggregates}
                    FROM dossier
                   WHERE received_at >= $1 AND received_at < $2${scope}${where}
                   GROUP BY ${column}) s ON s.code = u.code
      WHERE u.parent_code = $3 AND u.valid_from <= $4 AND (u.valid_to IS NULL OR u.valid_to >= $4)
      ORDER BY u.code`,
    params,
  ));
  return rows.map((row) => toStatistics(row.child, year, row));
}

type GroupedRow = AggregateRow & { gd: number; gc: number; district_code: string | null; commune_code: string | null };

/** The year's counts for the province, every district and every commune: one scan, cached. */
function yearByUnit(ctx: SubgraphContext, year: number): Promise<{ total?: GroupedRow; districts: Map<string, GroupedRow>; communes: Map<string, GroupedRow> }> {
  return cachedAggregate(ctx, `stats:units:${year}`, async () => {
    const { start, end } = vietnamYear(year);
    const rows: GroupedRow[] = await ctx.db.query(
      `SELECT GROUPING(district_code)::int AS gd, GROUPING(commune_code)::int AS gc, district_code, commune_code, ${aggregates}
         FROM dossier
        WHERE received_at >= $1 AND received_at < $2
        GROUP BY GROUPING SETS ((), (district_code), (commune_code))`,
      [start, end],
    );
    return {
      total: rows.find((r) => r.gd === 1 && r.gc === 1),
      districts: new Map(rows.filter((r) => r.gd === 0).map((r) => [r.district_code!, r])),
      communes: new Map(rows.filter((r) => r.gc === 0).map((r) => [r.commune_code!, r])),
    };
  });
}

/** `AdministrativeUnit.dossierStatistics` for any number of units of a request: at most one SQL query per year. */
export async function loadUnitStatistics(ctx: SubgraphContext, unit: AdministrativeUnit, year: number): Promise<DossierStatistics> {
  // Per request, one computation per year even while the cache is not live yet.
  const byUnit = (await loadEach<number, Awaited<ReturnType<typeof yearByUnit>>>(ctx, 'DossierStatistics:year', year, (years) => Promise.all(years.map((y) => yearByUnit(ctx, y)))))!;
  const row = unit.level === UnitLevel.PROVINCE ? byUnit.total : unit.level === UnitLevel.DISTRICT ? byUnit.districts.get(unit.code) : byUnit.communes.get(unit.code);
  return toStatistics(unit.code, year, row);
}
