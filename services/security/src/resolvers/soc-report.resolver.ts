import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, Roles, type SubgraphContext } from '@ioc/kit';
import { reportWindow } from '../domain/report-period';
import { ReportPeriod } from '../enums/report-period.enum';
import { alertFigures, complianceFigures, incidentFigures } from '../stores/soc-report.store';
import { SocReport } from '../types/soc-report.type';

/** The SOC's periodic report: per-agency figures and incident details, so analysts and admins (docs/soc.md). */
@Resolver(() => SocReport)
export class SocReportResolver {
  @Authorized(...Roles.socWrite)
  @Query(() => SocReport, {
    description: 'The SOC report for a week (from a Monday), quarter, half-year or year (from its first day), Vietnam time. Also GET /reports/soc at the gateway, as JSON or CSV.',
  })
  async socReport(
    @Arg('period', () => ReportPeriod) period: ReportPeriod,
    @Arg('from', () => String, { description: 'First day of the period (YYYY-MM-DD).' }) from: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SocReport> {
    const window = reportWindow(period, from);
    if ('problem' in window) throw badInput('from', window.problem);
    const [alerts, incidents, compliance] = await Promise.all([alertFigures(ctx, window), incidentFigures(ctx, window), complianceFigures(ctx)]);
    return { period, from: window.start.toISOString(), to: window.end.toISOString(), generatedAt: new Date().toISOString(), alerts, incidents, compliance };
  }
}
