import { loadGrouped, Roles } from '@ioc/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import type { SubgraphContext } from '@ioc/kit';
import { InternetDomain } from '../entities/internet-domain.entity';
import { Server } from '../entities/server.entity';
import { ServerSystem } from '../entities/server-system.entity';
import { InformationSystem } from '../stubs/information-system.stub';
import { Ipv6Status } from '../enums/internet-domain.enum';
import { ServerStatus } from '../enums/server.enum';
import { SystemHosting } from '../types/system-hosting.type';

/** One status for a system from its domains' statuses. */
export function systemIpv6Status(domains: readonly { ipv6Status: Ipv6Status }[]): Ipv6Status | null {
  if (!domains.length) return null;
  if (domains.every((domain) => domain.ipv6Status === Ipv6Status.COMPLETED)) return Ipv6Status.COMPLETED;
  if (domains.some((domain) => domain.ipv6Status !== Ipv6Status.NOT_STARTED)) return Ipv6Status.IN_PROGRESS;
  return Ipv6Status.NOT_STARTED;
}

@Resolver(() => InformationSystem)
@Authorized(...Roles.dashboard)
export class InformationSystemResolver {
  @FieldResolver(() => SystemHosting, { description: 'Servers, domain names and IPv6 status of the system.' })
  async hosting(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<SystemHosting> {
    const [servers, domains] = await Promise.all([
      loadGrouped(
        ctx,
        'system:servers',
        system.id,
        async (ids) => {
          const links = await ctx.db.getRepository(ServerSystem).findBy({ systemId: In([...ids]) });
          const servers = links.length
            ? await ctx.db.getRepository(Server).find({
                where: { id: In([...new Set(links.map((link) => link.serverId))]), status: ServerStatus.ACTIVE },
                order: { id: 'ASC' },
              })
            : [];
          const byId = new Map(servers.map((server) => [server.id, server]));
          return links
            .filter((link) => byId.has(link.serverId))
            .sort((a, b) => a.serverId.localeCompare(b.serverId))
            .map((link) => ({ server: byId.get(link.serverId)!, systemId: link.systemId }));
        },
        (row) => row.systemId,
      ),
      loadGrouped(
        ctx,
        'system:domains',
        system.id,
        (ids) => ctx.db.getRepository(InternetDomain).find({ where: { systemId: In([...ids]) }, order: { name: 'ASC' } }),
        (row) => row.systemId,
      ),
    ]);
    return { servers: servers.map((row) => row.server), domains, ipv6Status: systemIpv6Status(domains) };
  }
}
