import { Args, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Roles, type SubgraphContext } from '@ioc/kit';
import { RelatedAlertsArgs } from '../args/alerts.args';
import { Alert } from '../entities/alert.entity';
import { alertCount, relatedAlerts } from '../loaders/alert.loader';
import { Server } from '../stubs/server.stub';
import { serverAlertReaders } from '../auth/type-access';
import { checkRelatedFirst } from './information-system.resolver';

@Resolver(() => Server)
export class ServerResolver {
  @Authorized(...serverAlertReaders)
  @FieldResolver(() => [Alert], { description: 'Alerts seen on this server, most recent first (analysts and admins: which host has which alerts is need-to-know).' })
  async alerts(@Root() server: Server, @Args(() => RelatedAlertsArgs) args: RelatedAlertsArgs, @Ctx() ctx: SubgraphContext): Promise<Alert[]> {
    const filter = { status: args.status, open: args.open, first: checkRelatedFirst(args.first), order: 'last_seen' as const };
    return relatedAlerts(ctx, 'server_id', server.id, filter);
  }

  @Authorized(...Roles.dashboard)
  @FieldResolver(() => Int, { description: 'Open alerts on this server.' })
  async openAlertCount(@Root() server: Server, @Ctx() ctx: SubgraphContext): Promise<number> {
    return alertCount(ctx, 'server_id', server.id);
  }
}
