import type { SubgraphContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { openStatusesSql } from '../sql/alert.sql';
import { AlertStatus } from '../domain/workflow';

/**
 * Per-request DataLoaders: a list of N systems, servers or agencies asking for a field costs one
 * SQL query per field, not N.
 */

type AlertColumn = 'system_id' | 'server_id' | 'agency_id' | 'incident_id';

/** Open alerts (or all alerts, for incidents) counted per key of `column`. */
export function alertCountsBy(ctx: SubgraphContext, column: AlertColumn, onlyOpen = true) {
  return ctx.loaders.get<string, number>(`alert-count:${column}:${onlyOpen}`, async (ids) => {
    const rows: Array<{ key: string; n: number }> = await ctx.db.query(
      `SELECT ${column} AS key, count(*)::int AS n FROM alert WHERE ${column} = ANY($1)${onlyOpen ? ` AND status IN ${openStatusesSql}` : ''} GROUP BY 1`,
      [[...ids]],
    );
    const counts = new Map(rows.map((row) => [row.key, row.n]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export interface RelatedAlertFilter {
  status?: AlertStatus | null;
  open?: boolean | null;
  first: number;
  order: 'last_seen' | 'priority';
}

/** The `first` most relevant alerts per key of `column`, all keys in one query (a window function). */
export function alertsBy(ctx: SubgraphContext, column: AlertColumn, filter: RelatedAlertFilter) {
  const name = `alerts:${column}:${filter.status ?? ''}:${filter.open ?? ''}:${filter.first}:${filter.order}`;
  return ctx.loaders.get<string, Alert[]>(name, async (ids) => {
    const conditions = [`r.${column} = ANY(:ids)`];
    if (filter.status) conditions.push('r.status = :status');
    if (filter.open === true) conditions.push(`r.status IN ${openStatusesSql}`);
    if (filter.open === false) conditions.push(`r.status NOT IN ${openStatusesSql}`);
    const order = filter.order === 'priority' ? 'r.priority DESC, r.last_seen DESC, r.sequence DESC' : 'r.last_seen DESC, r.sequence DESC';
    const rows = await ctx.db
      .getRepository(Alert)
      .createQueryBuilder('a')
      .where(
        `a.sequence IN (SELECT ranked.sequence FROM (
           SELECT r.sequence, row_number() OVER (PARTITION BY r.${column} ORDER BY ${order}) AS rank
           FROM alert r WHERE ${conditions.join(' AND ')}) ranked WHERE ranked.rank <= :first)`,
        { ids: [...ids], status: filter.status, first: filter.first },
      )
      .orderBy(filter.order === 'priority' ? 'a.priority' : 'a.lastSeen', 'DESC')
      .addOrderBy(filter.order === 'priority' ? 'a.lastSeen' : 'a.sequence', 'DESC')
      .addOrderBy('a.sequence', 'DESC')
      .getMany();
    const key = (alert: Alert) => (column === 'system_id' ? alert.systemId : column === 'server_id' ? alert.serverId : column === 'agency_id' ? alert.agencyId : alert.incidentId);
    return ids.map((id) => rows.filter((row) => key(row) === id));
  });
}
