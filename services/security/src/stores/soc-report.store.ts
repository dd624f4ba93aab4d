import type { SubgraphContext } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';
import { complianceCounts } from '../domain/compliance';
import { isDeadlineBreached, incidentSlaStatus, IncidentSlaStatus } from '../domain/sla';
import { securityIndicators } from '../indicators/security.indicators';
import { allProfiles } from '../loaders/profile.loader';
import type { SocAlertFigures, SocComplianceFigures, SocDurationStats, SocIncidentFigures, SocReportCount } from '../types/soc-report.type';

const maxListedIncidents = 500;

type Window = { start: Date; end: Date };

/** Counts of alerts first seen in the window, grouped by `key` (an SQL expression over alias a). */
async function countsBy(ctx: SubgraphContext, key: string, window: Window, from = 'alert a'): Promise<SocReportCount[]> {
  const rows: Array<{ key: string; count: number }> = await ctx.db.query(
    `SELECT ${key} AS key, count(*)::int AS count FROM ${from} WHERE a.first_seen >= $1 AND a.first_seen < $2 GROUP BY 1 ORDER BY 2 DESC, 1`,
    [window.start, window.end],
  );
  return rows;
}

/** Median and 90th percentile of `until` − first_seen over the window's alerts that have `until`, in minutes. */
async function durations(ctx: SubgraphContext, until: string, window: Window, condition = 'true'): Promise<SocDurationStats> {
  const [row] = await ctx.db.query(
    `SELECT count(*)::int AS count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${until} - a.first_seen) / 60) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${until} - a.first_seen) / 60) AS p90
       FROM alert a WHERE a.first_seen >= $1 AND a.first_seen < $2 AND ${until} IS NOT NULL AND ${condition}`,
    [window.start, window.end],
  );
  const round = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
  return { count: row.count, medianMinutes: round(row.median), p90Minutes: round(row.p90) };
}

export async function alertFigures(ctx: SubgraphContext, window: Window): Promise<SocAlertFigures> {
  const [byCategory, bySeverity, byAgency, byTactic, timeToAcknowledge, timeToResolve] = await Promise.all([
    countsBy(ctx, 'a.kind', window),
    countsBy(ctx, 'a.severity', window),
    countsBy(ctx, `COALESCE(a.agency_id, 'unknown')`, window),
    countsBy(ctx, 'tactic', window, 'alert a CROSS JOIN LATERAL unnest(a.mitre_tactics) AS tactic'),
    durations(ctx, 'a.acknowledged_at', window),
    durations(ctx, 'a.closed_at', window, `a.status = 'RESOLVED'`),
  ]);
  return { total: byCategory.reduce((sum, row) => sum + row.count, 0), byCategory, bySeverity, byAgency, byTactic, timeToAcknowledge, timeToResolve };
}

export async function incidentFigures(ctx: SubgraphContext, window: Window, now: Date = new Date()): Promise<SocIncidentFigures> {
  const incidents = await ctx.db
    .getRepository(Incident)
    .createQueryBuilder('i')
    .where('i.detected_at >= :start AND i.detected_at < :end', { start: window.start, end: window.end })
    .orderBy('i.detected_at', 'ASC')
    .addOrderBy('i.id', 'ASC')
    .getMany();
  const sla = incidents.map((incident) => incidentSlaStatus(new Date(incident.reportDueAt), incident.reportedAt ? new Date(incident.reportedAt) : null, now));
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    total: incidents.length,
    reportedOnTime: sla.filter((status) => status === IncidentSlaStatus.REPORTED_ON_TIME).length,
    reportedLate: sla.filter((status) => status === IncidentSlaStatus.REPORTED_LATE).length,
    overdue: sla.filter((status) => status === IncidentSlaStatus.OVERDUE).length,
    due: sla.filter((status) => status === IncidentSlaStatus.DUE).length,
    containBreached: incidents.filter((incident) => isDeadlineBreached(date(incident.containDueAt), date(incident.containedAt), now)).length,
    resolveBreached: incidents.filter((incident) => isDeadlineBreached(date(incident.resolveDueAt), date(incident.closedAt), now)).length,
    incidents: incidents.slice(0, maxListedIncidents),
  };
}

export async function complianceFigures(ctx: SubgraphContext): Promise<SocComplianceFigures> {
  const [profiles, indicators] = await Promise.all([allProfiles(ctx), securityIndicators(ctx)]);
  const { gradedByLevel: _byLevel, fourLayerComplete: _complete, ...counts } = complianceCounts(profiles);
  return { ...counts, indicators };
}
