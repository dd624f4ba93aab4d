import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import type { Indicator, SubgraphContext } from '@ioc/kit';
import { cachedRead, Indicator as IndicatorType, ReportedMeasurement, Roles } from '@ioc/kit';
import { securityReads } from '../loaders/read-cache.loader';
import { securityIndicators } from '../indicators/security.indicators';
import { allProfiles } from '../loaders/profile.loader';
import { openStatusesSql } from '../sql/alert.sql';
import { complianceCounts, type ComplianceCounts } from '../domain/compliance';
import { AlertStats } from '../types/alert-stats.type';
import { SecurityLevelCount } from '../types/security-level-count.type';
import { SecuritySummary } from '../types/security-summary.type';
import { alertStatsFor } from './alert.resolver';

/** One read of the summary, cached (see `securityReads`). */
const cached = <T>(ctx: SubgraphContext, key: string, compute: () => Promise<T>) => cachedRead(ctx, securityReads, key, compute);

function counts(ctx: SubgraphContext): Promise<ComplianceCounts> {
  return cached(ctx, 'compliance counts', async () => complianceCounts(await allProfiles(ctx)));
}

/** Each headline is computed only when asked for; the profile counts share one query per request. */
@Resolver(() => SecuritySummary)
@Authorized(...Roles.dashboard)
export class SecuritySummaryResolver {
  @FieldResolver(() => Int, { description: 'Information systems in the catalogue (each has a security profile).' })
  async systemsTotal(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).systems;
  }

  @FieldResolver(() => Int, { description: 'Systems with an approved security level (2022: 21 of 47).' })
  async systemsGraded(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).graded;
  }

  @FieldResolver(() => Int, { description: 'Grading dossiers awaiting approval.' })
  async systemsPendingApproval(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).pending;
  }

  @FieldResolver(() => Int, { description: 'Systems without a grading dossier.' })
  async systemsNotSubmitted(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).notSubmitted;
  }

  @FieldResolver(() => [SecurityLevelCount], { description: 'Approved systems per level 1–5.' })
  async systemsByLevel(@Ctx() ctx: SubgraphContext): Promise<SecurityLevelCount[]> {
    const { gradedByLevel } = await counts(ctx);
    return [1, 2, 3, 4, 5].map((level) => ({ level, systems: gradedByLevel[level] ?? 0 }));
  }

  @FieldResolver(() => Int, { description: 'Approved systems whose periodic inspection is overdue.' })
  async inspectionsOverdue(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).inspectionsOverdue;
  }

  @FieldResolver(() => Int, { description: 'Systems hosted in the provincial data centre.' })
  async dataCentreSystems(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).dataCentreSystems;
  }

  @FieldResolver(() => Int, { description: 'Data-centre systems with all four layers of Directive 14.' })
  async dataCentreSystemsFourLayer(@Ctx() ctx: SubgraphContext): Promise<number> {
    return (await counts(ctx)).dataCentreFourLayer;
  }

  @FieldResolver(() => Int, { description: 'Alerts currently open (NEW, ACKNOWLEDGED, INVESTIGATING), any year.' })
  async openAlerts(@Ctx() ctx: SubgraphContext): Promise<number> {
    return cached(ctx, 'open alerts', async () => {
      const [row] = await ctx.db.query(`SELECT count(*)::int AS n FROM alert WHERE status IN ${openStatusesSql}`);
      return row.n as number;
    });
  }

  @FieldResolver(() => AlertStats, { description: 'Alerts first seen in a year, by kind, severity, source and status.' })
  alerts(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<AlertStats> {
    return cached(ctx, `alert stats ${year}`, () => alertStatsFor(ctx, year));
  }

  @FieldResolver(() => Int, { description: 'Incidents not yet closed.' })
  async openIncidents(@Ctx() ctx: SubgraphContext): Promise<number> {
    return cached(ctx, 'open incidents', async () => {
      const [row] = await ctx.db.query(`SELECT count(*)::int AS n FROM incident WHERE status <> 'CLOSED'`);
      return row.n as number;
    });
  }

  @FieldResolver(() => Int, { description: 'Incidents reported late, or unreported past the 5-day deadline.' })
  async incidentsSlaBreached(@Ctx() ctx: SubgraphContext): Promise<number> {
    // Moves with now() as deadlines pass: at most the cache's TTL stale.
    return cached(ctx, 'incidents SLA breached', async () => {
      const [row] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM incident WHERE (reported_at IS NULL AND now() > report_due_at) OR reported_at > report_due_at`,
      );
      return row.n as number;
    });
  }

  @FieldResolver(() => [IndicatorType], { description: 'The SECURITY domain\'s 2023 targets with live actuals.' })
  indicators(@Ctx() ctx: SubgraphContext): Promise<Indicator[]> {
    return cached(ctx, 'indicators', () => securityIndicators(ctx));
  }

  @FieldResolver(() => IndicatorType, { nullable: true, description: 'One SECURITY indicator by code, e.g. "systemsGradedShare"; null when unknown.' })
  async indicator(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<Indicator | null> {
    return (await cached(ctx, 'indicators', () => securityIndicators(ctx))).find((indicator) => indicator.code === code) ?? null;
  }

  @FieldResolver(() => [ReportedMeasurement], { description: 'Security figures the plan reports only as totals.' })
  reportedMeasurements(@Ctx() ctx: SubgraphContext): Promise<ReportedMeasurement[]> {
    return cached(ctx, 'reported measurements', () => ctx.db.getRepository(ReportedMeasurement).find({ order: { indicator: 'ASC', period: 'ASC' } }));
  }
}
