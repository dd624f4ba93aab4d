import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { applySearch, badInput, type Connection, loadBy, loadManyBy, paginate, type SubgraphContext } from '@ioc/kit';
import { AdministrativeProceduresArgs, OnlineServicesArgs } from '../args/procedures.args';
import { OnlineServiceSort } from '../enums/online-service.enum';
import { AdministrativeProcedure } from '../entities/administrative-procedure.entity';
import { Agency } from '../entities/agency.entity';
import { OnlineService, provisionOf } from '../entities/online-service.entity';
import { ServiceProvision } from '../enums/online-service.enum';
import { assertKnown } from '../validation/known.validation';
import { AdministrativeProcedureConnection, OnlineServiceConnection } from '../types/connections.type';

export function checkServiceLevel(level: number | null | undefined, argument: string): void {
  if (level !== null && level !== undefined && ![2, 3, 4].includes(level)) throw badInput(argument, `must be 2, 3 or 4, got ${level}`);
}

@Resolver(() => OnlineService)
@Authorized()
export class OnlineServiceResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => OnlineServiceConnection, { description: 'Online public services (1,858 in 2022: 551 at level 3, 1,077 at level 4).' })
  async onlineServices(@Args(() => OnlineServicesArgs) args: OnlineServicesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<OnlineService>> {
    checkServiceLevel(args.level, 'level');
    const query = ctx.db.getRepository(OnlineService).createQueryBuilder('s');
    if (args.sort === OnlineServiceSort.NAME) query.orderBy('s.name', 'ASC');
    else if (args.sort === OnlineServiceSort.LEVEL_DESC) query.orderBy('s.level', 'DESC');
    query.addOrderBy('s.id', 'ASC');
    if (args.level) query.andWhere('s.level = :level', { level: args.level });
    if (args.authorityLevel) query.andWhere('s.authority_level = :authority', { authority: args.authorityLevel });
    if (args.agencyId) query.andWhere('s.agency_id = :agencyId', { agencyId: args.agencyId });
    if (args.procedureId) query.andWhere('s.procedure_id = :procedureId', { procedureId: args.procedureId });
    if (args.nationalPortal !== null && args.nationalPortal !== undefined) query.andWhere('s.national_portal = :portal', { portal: args.nationalPortal });
    applySearch(query, 's.search_name', args.search);
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['agencyId', args.agencyId, 'agency'], ['procedureId', args.procedureId, 'procedure']]);
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => OnlineService, { nullable: true })
  onlineService(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<OnlineService | null> {
    return loadBy(ctx, OnlineService, 'id', id);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => ServiceProvision)
  provision(@Root() service: OnlineService): ServiceProvision {
    return provisionOf(service.level);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeProcedure, { nullable: true })
  procedure(@Root() service: OnlineService, @Ctx() ctx: SubgraphContext): Promise<AdministrativeProcedure | null> {
    return loadBy(ctx, AdministrativeProcedure, 'id', service.procedureId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() service: OnlineService, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', service.agencyId);
  }
}

@Resolver(() => AdministrativeProcedure)
@Authorized()
export class AdministrativeProcedureResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => AdministrativeProcedureConnection, { description: 'Published administrative procedures (1,466 in 2022).' })
  async administrativeProcedures(
    @Args(() => AdministrativeProceduresArgs) args: AdministrativeProceduresArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<AdministrativeProcedure>> {
    const query = ctx.db.getRepository(AdministrativeProcedure).createQueryBuilder('p').orderBy('p.code', 'ASC');
    if (args.agencyId) query.andWhere('p.agency_id = :agencyId', { agencyId: args.agencyId });
    if (args.field) query.andWhere('p.field = :field', { field: args.field });
    if (args.nationalPortal !== null && args.nationalPortal !== undefined) {
      query.andWhere(`${args.nationalPortal ? '' : 'NOT '}EXISTS (SELECT 1 FROM online_service s WHERE s.procedure_id = p.id AND s.national_portal)`);
    }
    applySearch(query, 'p.search_name', args.search);
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['agencyId', args.agencyId, 'agency']]);
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => AdministrativeProcedure, { nullable: true })
  administrativeProcedure(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<AdministrativeProcedure | null> {
    return loadBy(ctx, AdministrativeProcedure, 'id', id);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() procedure: AdministrativeProcedure, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', procedure.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => [OnlineService], { description: 'The procedure online, one service per level of authority.' })
  onlineServices(@Root() procedure: AdministrativeProcedure, @Ctx() ctx: SubgraphContext): Promise<OnlineService[]> {
    return loadManyBy(ctx, OnlineService, 'procedureId', procedure.id, { id: 'ASC' });
  }
}
