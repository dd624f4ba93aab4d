import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { agencyScope, freshLoaders, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { Incident } from '../entities/incident.entity';

/** Incidents are need-to-know, as in queries: analysts, admins, an agency client for its own agency. */
@Resolver(() => Incident)
export class IncidentSubscriptionResolver {
  @Authorized(...Roles.socDetail)
  @Subscription(() => Incident, {
    description: 'Incidents as they are opened or change: alerts grouped or removed, status, report, deadlines.',
    subscribe: ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const agencyId = agencyScope(ctx.principal, 'Subscription.incidentChanged', (args as { agencyId?: string | null }).agencyId);
      return liveStream<{ id: string }, Incident>(ctx.bus, 'incident.changed', {
        load: async ({ id }) => {
          freshLoaders(ctx);
          return ctx.db.getRepository(Incident).findOneBy({ id: String(id) });
        },
        filter: (incident) => !agencyId || incident.agencyId === agencyId,
      });
    },
  })
  incidentChanged(
    @Root() incident: Incident,
    @Arg('agencyId', () => String, { nullable: true, description: 'Only this agency\'s incidents (an agency client gets its own).' }) _agencyId: string | null,
  ): Incident {
    return incident;
  }
}
