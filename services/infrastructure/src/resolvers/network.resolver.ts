import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applySearch, type Connection, connectionType, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { NetworkConnection } from '../entities/network-connection.entity';
import { SecuredLan } from '../entities/secured-lan.entity';
import { NetworkConnectionsArgs, SecuredLansArgs, type AgencyAreaArgs } from '../args/agency-links.args';
import { applyArea } from '../sql/area.sql';
import { validateArea } from '../validation/area.validation';

export const NetworkConnectionConnection = connectionType(NetworkConnection, 'NetworkConnection');
export const SecuredLanConnection = connectionType(SecuredLan, 'SecuredLan');

async function filterAgencies<T extends ObjectLiteral>(ctx: SubgraphContext, query: SelectQueryBuilder<T>, args: AgencyAreaArgs): Promise<void> {
  const area = { districtCode: args.districtCode, communeCode: args.communeCode };
  await validateArea(ctx, area);
  applyArea(query, 'a', area, 'unitCode');
  if (args.level) query.andWhere('a.level = :level', { level: args.level });
  if (args.sector) query.andWhere('a.sector = :sector', { sector: args.sector });
  applySearch(query, 'a.searchName', args.search);
  query.orderBy('a.agencyId', 'ASC');
}

@Resolver()
@Authorized(...Roles.dashboard)
export class NetworkResolver {
  @Query(() => NetworkConnectionConnection, {
    description: 'Mạng truyền số liệu chuyên dùng: agencies linked to the specialised data network (a district includes its communes).',
  })
  async networkConnections(
    @Args(() => NetworkConnectionsArgs) args: NetworkConnectionsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<NetworkConnection>> {
    const query = ctx.db.getRepository(NetworkConnection).createQueryBuilder('a');
    await filterAgencies(ctx, query, args);
    if (args.status) query.andWhere('a.status = :status', { status: args.status });
    return paginate(query, args);
  }

  @Query(() => SecuredLanConnection, { description: 'Agency LANs with a security appliance (bảo mật mạng LAN).' })
  async securedLans(@Args(() => SecuredLansArgs) args: SecuredLansArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<SecuredLan>> {
    const query = ctx.db.getRepository(SecuredLan).createQueryBuilder('a');
    await filterAgencies(ctx, query, args);
    return paginate(query, args);
  }
}
