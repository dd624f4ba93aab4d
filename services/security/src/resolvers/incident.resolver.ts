import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, type Connection, connectionType, ownRowOrNull, paginate, parseInstantRange, Roles, type SubgraphContext } from '@ioc/kit';
import { IncidentsArgs } from '../args/incidents.args';
import { Alert } from '../entities/alert.entity';
import { Incident } from '../entities/incident.entity';
import { alertCount, relatedAlerts } from '../loaders/alert.loader';
import { incidentSlaStatus, isDeadlineBreached, isNearingReportDeadline, isSlaBreached, reportWarningHours } from '../domain/sla';
import { Agency } from '../stubs/agency.stub';
import { IncidentSlaStatus } from '../enums/incident.enum';
import { InformationSystem } from '../stubs/information-system.stub';
import { checkListFilters } from '../validation/existence.validation';

export const IncidentConnection = connectionType(Incident, 'Incident');

/** SQL twin of domain/sla.ts `incidentSlaStatus`, over alias `i`. */
const slaSql: Record<IncidentSlaStatus, string> = {
  [IncidentSlaStatus.DUE]: '(i.reported_at IS NULL AND now() <= i.report_due_at)',
  [IncidentSlaStatus.OVERDUE]: '(i.reported_at IS NULL AND now() > i.report_due_at)',
  [IncidentSlaStatus.REPORTED_ON_TIME]: '(i.reported_at IS NOT NULL AND i.reported_at <= i.report_due_at)',
  [IncidentSlaStatus.REPORTED_LATE]: '(i.reported_at IS NOT NULL AND i.reported_at > i.report_due_at)',
};

/** Incidents, like alerts, are need-to-know: viewers count them, analysts, admins and the owning agency read them. */
@Resolver(() => Incident)
@Authorized(...Roles.socDetail)
export class IncidentResolver {
  @Directive('@tag(name: "agency")')
  @Authorized(...Roles.agencyScoped)
  @Query(() => IncidentConnection, {
    description: 'Security incidents, most recent first, with their 5-day reporting clock. Viewers may read `totalCount` only; an agency client sees its own agency\'s.',
  })
  async incidents(@Args(() => IncidentsArgs) args: IncidentsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Incident>> {
    const range = parseInstantRange(args.from, args.to);
    await checkListFilters(ctx, 'Query.incidents', args);
    const query = ctx.db.getRepository(Incident).createQueryBuilder('i');
    if (args.status) query.andWhere('i.status = :status', { status: args.status });
    if (args.severity) query.andWhere('i.severity = :severity', { severity: args.severity });
    if (args.systemId) query.andWhere('i.system_id = :systemId', { systemId: args.systemId });
    if (args.agencyId) query.andWhere('i.agency_id = :agencyId', { agencyId: args.agencyId });
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('i.agency_id = :scope', { scope });
    if (args.slaStatus) query.andWhere(slaSql[args.slaStatus]);
    if (range.from) query.andWhere('i.detected_at >= :from', { from: range.from });
    if (range.before) query.andWhere('i.detected_at < :before', { before: range.before });
    query.orderBy('i.detectedAt', 'DESC').addOrderBy('i.id', 'ASC');
    return paginate(query, args);
  }

  @Directive('@tag(name: "agency")')
  @Query(() => Incident, { nullable: true, description: 'One incident by id; null when unknown.' })
  async incident(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Incident | null> {
    const incident = await ctx.db.getRepository(Incident).findOneBy({ id });
    return ownRowOrNull(ctx.principal, incident, incident?.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => IncidentSlaStatus, { description: 'Where the 5-day reporting clock stands now.' })
  slaStatus(@Root() incident: Incident): IncidentSlaStatus {
    return incidentSlaStatus(new Date(incident.reportDueAt), incident.reportedAt ? new Date(incident.reportedAt) : null);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Boolean, { description: 'Reported late, or not reported and past the deadline.' })
  slaBreached(@Root() incident: Incident): boolean {
    return isSlaBreached(this.slaStatus(incident));
  }

  @FieldResolver(() => Boolean, { description: 'SLA: contained after containDueAt, or not contained and past it.' })
  containBreached(@Root() incident: Incident): boolean {
    return isDeadlineBreached(incident.containDueAt ? new Date(incident.containDueAt) : null, incident.containedAt ? new Date(incident.containedAt) : null);
  }

  @FieldResolver(() => Boolean, { description: 'SLA: closed after resolveDueAt, or open and past it.' })
  resolveBreached(@Root() incident: Incident): boolean {
    return isDeadlineBreached(incident.resolveDueAt ? new Date(incident.resolveDueAt) : null, incident.closedAt ? new Date(incident.closedAt) : null);
  }

  @FieldResolver(() => Boolean, { description: `Not reported and the legal deadline is less than ${reportWarningHours} hours away.` })
  nearingReportDeadline(@Root() incident: Incident): boolean {
    return isNearingReportDeadline(new Date(incident.reportDueAt), incident.reportedAt ? new Date(incident.reportedAt) : null);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => [Alert], { description: 'The grouped alerts, highest priority first (at most 100).' })
  async alerts(@Root() incident: Incident, @Ctx() ctx: SubgraphContext): Promise<Alert[]> {
    const alerts = await relatedAlerts(ctx, 'incident_id', incident.id, { first: 100, order: 'priority' });
    const scope = agencyScopeOf(ctx.principal);
    return scope === undefined ? alerts : alerts.filter((alert) => alert.agencyId === scope);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Int)
  async alertCount(@Root() incident: Incident, @Ctx() ctx: SubgraphContext): Promise<number> {
    return alertCount(ctx, 'incident_id', incident.id, false);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => InformationSystem, { nullable: true })
  system(@Root() incident: Incident): InformationSystem | null {
    return incident.systemId ? { id: incident.systemId } : null;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() incident: Incident): Agency | null {
    return incident.agencyId ? { id: incident.agencyId } : null;
  }
}
