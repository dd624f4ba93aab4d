import { cachedRead, Roles } from '@ioc/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@ioc/kit';
import { InternetDomain } from '../entities/internet-domain.entity';
import { Server } from '../entities/server.entity';
import { ServerSystem } from '../entities/server-system.entity';
import { InformationSystem } from '../stubs/information-system.stub';
import { Ipv6Status } from '../enums/internet-domain.enum';
import { ServerStatus } from '../enums/server.enum';
import { SystemHosting } from '../types/system-hosting.type';
import { infrastructureReads } from '../loaders/read-cache.loader';

/** One status for a system from its domains' statuses. */
export function systemIpv6Status(domains: readonly { ipv6Status: Ipv6Status }[]): Ipv6Status | null {
  if (!domains.length) return null;
  if (domains.every((domain) => domain.ipv6Status === Ipv6Status.COMPLETED)) return Ipv6Status.COMPLETED;
  if (domains.some((domain) => domain.ipv6Status !== Ipv6Status.NOT_STARTED)) return Ipv6Status.IN_PROGRESS;
  return Ipv6Status.NOT_STARTED;
}

/**
 * Every system's active servers (by id) and domain names (by name), read whole in three queries
 * through the infrastructure read cache (server.changed / server.health-changed and any commit
 * here clear it): the SOC's alert list asks for the hosting of its page's systems on each request.
 */
function hostingBySystem(ctx: SubgraphContext): Promise<Map<string, { servers: Server[]; domains: InternetDomain[] }>> {
  return cachedRead(ctx, infrastructureReads, 'hosting by system', async () => {
    const [links, servers, domains] = await Promise.all([
      ctx.db.getRepository(ServerSystem).find(),
      ctx.db.getRepository(Server).find({ where: { status: ServerStatus.ACTIVE }, order: { id: 'ASC' } }),
      ctx.db.getRepository(InternetDomain).find({ order: { name: 'ASC' } }),
    ]);
    const byId = new Map(servers.map((server) => [server.id, server]));
    const hosting = new Map<string, { servers: Server[]; domains: InternetDomain[] }>();
    const of = (systemId: string) => {
      let entry = hosting.get(systemId);
      if (!entry) hosting.set(systemId, (entry = { servers: [], domains: [] }));
      return entry;
    };
    for (const link of [...links].sort((a, b) => a.serverId.localeCompare(b.serverId))) {
      const server = byId.get(link.serverId);
      if (server) of(link.systemId).servers.push(server);
    }
    for (const domain of domains) if (domain.systemId) of(domain.systemId).domains.push(domain);
    return hosting;
  });
}

@Resolver(() => InformationSystem)
@Authorized(...Roles.dashboard)
export class InformationSystemResolver {
  @FieldResolver(() => SystemHosting, { description: 'Servers, domain names and IPv6 status of the system.' })
  async hosting(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<SystemHosting> {
    const { servers, domains } = (await hostingBySystem(ctx)).get(system.id) ?? { servers: [], domains: [] };
    return { servers, domains, ipv6Status: systemIpv6Status(domains) };
  }
}
