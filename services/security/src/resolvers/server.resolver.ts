import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@ioc/kit';
import { RelatedAlertsArgs } from '../args/alerts.args';
import { Alert } from '../entities/alert.entity';
import { alertCountsBy, alertsBy } from '../loaders/security.loaders';
import { Server } from '../types/server.type';
import { checkRelatedFirst } from './information-system.resolver';

@Resolver(() => Server)
export class ServerResolver {
  @FieldResolver(() => [Alert], { description: 'Alerts seen on this server, most recent first (security subgraph).' })
  async alerts(@Root() server: Server, @Args(() => RelatedAlertsArgs) args: RelatedAlertsArgs, @Ctx() ctx: SubgraphContext): Promise<Alert[]> {
    const filter = { status: args.status, open: args.open, first: checkRelatedFirst(args.first), order: 'last_seen' as const };
    return (await alertsBy(ctx, 'server_id', filter).load(server.id)) ?? [];
  }

  @FieldResolver(() => Int, { description: 'Open alerts on this server.' })
  async openAlertCount(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await alertCountsBy(ctx, 'server_id').load(server.id)) ?? 0;
  }
}
