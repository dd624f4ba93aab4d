import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, applySearch, type Connection, loadBy, ownRowOrNull, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { InformationSystemsArgs } from '../args/information-systems.args';
import { Agency } from '../entities/agency.entity';
import { InformationSystem } from '../entities/information-system.entity';
import { assertKnown } from '../validation/known.validation';
import { agenciesById } from '../loaders/catalogue.loader';
import { InformationSystemConnection } from '../types/connections.type';

@Resolver(() => InformationSystem)
@Authorized(...Roles.agencyScoped)
export class InformationSystemResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => InformationSystemConnection, { description: 'The catalogue of the 47 information systems.' })
  async informationSystems(@Args(() => InformationSystemsArgs) args: InformationSystemsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<InformationSystem>> {
    const query = ctx.db.getRepository(InformationSystem).createQueryBuilder('s').orderBy('s.id', 'ASC');
    if (args.category) query.andWhere('s.category = :category', { category: args.category });
    if (args.ownerAgencyId) query.andWhere('s.owner_agency_id = :owner', { owner: args.ownerAgencyId });
    if (args.inDataCentre !== null && args.inDataCentre !== undefined) query.andWhere('s.in_data_centre = :dc', { dc: args.inDataCentre });
    if (args.lgspConnected !== null && args.lgspConnected !== undefined) query.andWhere('s.lgsp_connected = :lgsp', { lgsp: args.lgspConnected });
    applySearch(query, 's.search_name', args.search);
    // An agency client's catalogue is its own agency's systems (another agency's filter: empty).
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('s.owner_agency_id = :scope', { scope });
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['ownerAgencyId', args.ownerAgencyId, 'agency']]);
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => InformationSystem, { nullable: true, description: 'A system by catalogue code; null when unknown.' })
  async informationSystem(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<InformationSystem | null> {
    const system = await loadBy(ctx, InformationSystem, 'id', id);
    return ownRowOrNull(ctx.principal, system, system?.ownerAgencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  async ownerAgency(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return (await agenciesById(ctx)).get(system.ownerAgencyId) ?? null;
  }
}
