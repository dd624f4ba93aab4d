import { Args, Authorized, Directive, Resolver, Root, Subscription } from 'type-graphql';
import { agencyScope, freshLoaders, liveStream, parseResumeCursor, Roles, type SubgraphContext } from '@ioc/kit';
import { AlertRaisedArgs, AlertUpdatedArgs, type AlertStreamArgs } from '../args/alert-stream.args';
import { Alert } from '../entities/alert.entity';
import { severityWeight } from '../domain/severity';
import { checkListFilters } from '../validation/existence.validation';

/** Alert details are need-to-know, as in queries: analysts, admins, agency clients for their own agency. */
const watchers = Roles.socDetail;

interface AlertEvent extends Record<string, unknown> {
  id: string;
}

interface AlertFilter {
  kind?: string;
  minWeight?: number;
  systemId?: string;
  agencyId?: string;
  status?: string;
}

/** Checks the arguments once, at subscribe time; the agency client's own agency replaces `agencyId`. */
async function alertFilter(ctx: SubgraphContext, field: string, args: AlertStreamArgs & { status?: string | null }): Promise<AlertFilter> {
  await checkListFilters(ctx, field, args);
  return {
    kind: args.kind ?? undefined,
    minWeight: args.minSeverity ? severityWeight[args.minSeverity] : undefined,
    systemId: args.systemId ?? undefined,
    agencyId: agencyScope(ctx.principal, field, args.agencyId),
    status: args.status ?? undefined,
  };
}

const matches = (filter: AlertFilter) => (alert: Alert) =>
  (!filter.kind || alert.kind === filter.kind) &&
  (filter.minWeight === undefined || severityWeight[alert.severity] >= filter.minWeight) &&
  (!filter.systemId || alert.systemId === filter.systemId) &&
  (!filter.agencyId || alert.agencyId === filter.agencyId) &&
  (!filter.status || alert.status === filter.status);

/** The alert an event names, with one query (events carry ids; rows are read after the commit that announced them). */
function loadAlert(ctx: SubgraphContext) {
  return async ({ id }: AlertEvent): Promise<Alert | null> => {
    freshLoaders(ctx);
    return ctx.db.getRepository(Alert).findOneBy({ id: String(id) });
  };
}

@Resolver(() => Alert)
export class AlertSubscriptionResolver {
  @Directive('@tag(name: "agency")')
  @Authorized(...watchers)
  @Subscription(() => Alert, {
    description:
      'Alerts as they are raised (not repeats of an open alert: see alertUpdated). Pass the `sequence` of the last alert seen as `after` to resume: missed alerts come first, once, in order.',
    subscribe: async ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { after, ...rest } = args as AlertRaisedArgs;
      const cursor = parseResumeCursor('after', after, 'an alert sequence');
      const filter = await alertFilter(ctx, 'Subscription.alertRaised', rest);
      // The replay query depends on these filters only (severity and status are checked per item).
      const replayFilter = { kind: filter.kind, systemId: filter.systemId, agencyId: filter.agencyId };
      return liveStream<AlertEvent, Alert>(ctx.bus, 'alert.raised', {
        load: loadAlert(ctx),
        filter: matches(filter),
        resume:
          cursor === undefined
            ? undefined
            : {
                after: cursor,
                shareKey: `alertRaised:${JSON.stringify(replayFilter)}`,
                page: (from, limit) => {
                  const query = ctx.db.getRepository(Alert).createQueryBuilder('a').where('a.sequence > :from', { from: String(from) });
                  if (replayFilter.kind) query.andWhere('a.kind = :kind', { kind: replayFilter.kind });
                  if (replayFilter.systemId) query.andWhere('a.system_id = :systemId', { systemId: replayFilter.systemId });
                  if (replayFilter.agencyId) query.andWhere('a.agency_id = :agencyId', { agencyId: replayFilter.agencyId });
                  return query.orderBy('a.sequence', 'ASC').limit(limit).getMany();
                },
                cursorOf: (alert) => BigInt(alert.sequence),
              },
      });
    },
  })
  alertRaised(@Root() alert: Alert, @Args(() => AlertRaisedArgs) _args: AlertRaisedArgs): Alert {
    return alert;
  }

  @Directive('@tag(name: "agency")')
  @Authorized(...watchers)
  @Subscription(() => Alert, {
    description: 'Alerts as they change: triage status, assignee, or another occurrence of an open alert (occurrences, lastSeen, severity).',
    subscribe: async ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const filter = await alertFilter(ctx, 'Subscription.alertUpdated', args as AlertUpdatedArgs);
      return liveStream<AlertEvent, Alert>(ctx.bus, 'alert.updated', { load: loadAlert(ctx), filter: matches(filter) });
    },
  })
  alertUpdated(@Root() alert: Alert, @Args(() => AlertUpdatedArgs) _args: AlertUpdatedArgs): Alert {
    return alert;
  }
}
