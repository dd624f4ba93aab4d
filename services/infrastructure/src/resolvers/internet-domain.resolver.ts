import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { applySearch, badInput, type Connection, connectionType, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { InternetDomain } from '../entities/internet-domain.entity';
import { InformationSystemRef } from '../entities/information-system-ref.entity';
import { InternetDomainsArgs } from '../args/domains.args';
import { InformationSystem } from '../stubs/information-system.stub';

export const InternetDomainConnection = connectionType(InternetDomain, 'InternetDomain');

@Resolver(() => InternetDomain)
@Authorized(...Roles.dashboard)
export class InternetDomainResolver {
  @Query(() => InternetDomainConnection, { description: 'Domain names of the province\'s systems and their IPv6 migration.' })
  async internetDomains(
    @Args(() => InternetDomainsArgs) args: InternetDomainsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<InternetDomain>> {
    if (typeof args.systemId === 'string' && !(await ctx.db.getRepository(InformationSystemRef).existsBy({ id: args.systemId }))) {
      throw badInput('systemId', `no information system with id "${args.systemId}"`);
    }
    const query = ctx.db.getRepository(InternetDomain).createQueryBuilder('d');
    if (args.ipv6Status) query.andWhere('d.ipv6Status = :ipv6Status', { ipv6Status: args.ipv6Status });
    if (typeof args.systemId === 'string') query.andWhere('d.systemId = :systemId', { systemId: args.systemId });
    applySearch(query, 'd.searchName', args.search);
    query.orderBy('d.name', 'ASC');
    return paginate(query, args);
  }

  @FieldResolver(() => InformationSystem)
  system(@Root() domain: InternetDomain): InformationSystem {
    return { id: domain.systemId };
  }
}
