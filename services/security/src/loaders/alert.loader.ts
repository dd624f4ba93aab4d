import { loadEach, loadGrouped, type LoaderContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { openStatusesSql } from '../sql/alert.sql';
import { AlertStatus } from '../domain/workflow';

type AlertColumn = 'system_id' | 'server_id' | 'agency_id' | 'incident_id';

/**
 * Open alerts (or all alerts, for incidents) with `key` in `column`: a list of N systems, servers
 * or agencies asking costs one query.
 */
export function alertCount(ctx: LoaderContext, column: AlertColumn, key: string, onlyOpen = true): Promise<number> {
  return loadEach(ctx, `alert-count:${column}:${onlyOpen}`, key, async (ids) => {
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

/** The `first` most relevant alerts with `key` in `column`, all keys of a request in one query (a window function). */
export function relatedAlerts(ctx: LoaderContext, column: AlertColumn, key: string, filter: RelatedAlertFilter): Promise<Alert[]> {
  const name = `alerts:${column}:${filter.status ?? ''}:${filter.open ?? ''}:${filter.first}:${filter.order}`;
  return loadGrouped(
    ctx,
    name,
    key,
    async (ids) => {
      const conditions = [`r.${column} = ANY(:ids)`];
      if (filter.status) conditions.push('r.status = :status');
      if (filter.open === true) conditions.push(`r.status IN ${openStatusesSql}`);
      if (filter.open === false) conditions.push(`r.status NOT IN ${openStatusesSql}`);
      const order = filter.order === 'priority' ? 'r.priority DESC, r.last_seen DESC, r.sequence DESC' : 'r.last_seen DESC, r.sequence DESC';
      return ctx.db
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
    },
    (alert) => (column === 'system_id' ? alert.systemId : column === 'server_id' ? alert.serverId : column === 'agency_id' ? alert.agencyId : alert.incidentId) ?? '',
  );
}
