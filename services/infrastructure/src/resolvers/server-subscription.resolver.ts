import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { badInput, freshLoaders, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { Server } from '../entities/server.entity';
import { ServerHealth, ServerKind } from '../enums/server.enum';

interface ServerEvent extends Record<string, unknown> {
  id: string;
}

@Resolver(() => Server)
export class ServerSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => Server, {
    description: 'Servers of the data centre whose monitored health changed, as they are after the change (`health`, `healthChangedAt`).',
    subscribe: async ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { serverId, kind, health } = args as { serverId?: string | null; kind?: ServerKind | null; health?: ServerHealth | null };
      if (typeof serverId === 'string' && !(await ctx.db.getRepository(Server).existsBy({ id: serverId }))) {
        throw badInput('serverId', `no server with id "${serverId}"`);
      }
      return liveStream<ServerEvent, Server>(ctx.bus, 'server.health-changed', {
        load: async ({ id }) => {
          freshLoaders(ctx);
          return ctx.db.getRepository(Server).findOneBy({ id: String(id) });
        },
        filter: (server) => (!serverId || server.id === serverId) && (!kind || server.kind === kind) && (!health || server.health === health),
      });
    },
  })
  serverHealthChanged(
    @Root() server: Server,
    @Arg('serverId', () => String, { nullable: true, description: 'Only this server.' }) _serverId?: string,
    @Arg('kind', () => ServerKind, { nullable: true, description: 'Only physical hosts or only virtual machines.' }) _kind?: ServerKind,
    @Arg('health', () => ServerHealth, { nullable: true, description: 'Only changes to this health (e.g. CRITICAL).' }) _health?: ServerHealth,
  ): Server {
    return server;
  }
}
