import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { applySearch, assertAgencyAccess, type Connection, loadBy, loadEach, loadManyBy, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { AgenciesArgs } from '../args/agencies.args';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { InformationSystem } from '../entities/information-system.entity';
import { PlanTask } from '../entities/plan-task.entity';
import { assertKnown } from '../validation/known.validation';
import { AgencyConnection } from '../types/connections.type';

@Resolver(() => Agency)
@Authorized()
export class AgencyResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => AgencyConnection, { description: 'The 150 agencies: provincial departments, Party agencies, district and commune People\'s Committees.' })
  async agencies(@Args(() => AgenciesArgs) args: AgenciesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Agency>> {
    const query = ctx.db.getRepository(Agency).createQueryBuilder('a').orderBy('a.id', 'ASC');
    if (args.level) query.andWhere('a.level = :level', { level: args.level });
    if (args.kind) query.andWhere('a.kind = :kind', { kind: args.kind });
    if (args.unitCode) {
      query.andWhere('(a.unit_code = :unitCode OR a.unit_code IN (SELECT code FROM administrative_unit WHERE parent_code = :unitCode AND level = \'COMMUNE\'))', {
        unitCode: args.unitCode,
      });
    }
    applySearch(query, 'a.search_name', args.search);
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['unitCode', args.unitCode, 'unit']]);
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => Agency, { nullable: true, description: 'An agency by id; null when unknown.' })
  agency(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', id);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  unit(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', agency.unitCode);
  }

  @Directive('@tag(name: "agency")')
  @Authorized(...Roles.agencyScoped)
  @FieldResolver(() => [InformationSystem], { description: 'Systems this agency owns.' })
  informationSystems(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<InformationSystem[]> {
    assertAgencyAccess(ctx.principal, 'Agency.informationSystems', agency.id);
    return loadManyBy(ctx, InformationSystem, 'ownerAgencyId', agency.id, { id: 'ASC' });
  }

  @Authorized(...Roles.dashboard)
  @FieldResolver(() => [PlanTask], { description: 'Plan tasks this agency leads or co-operates on, by name (not through group scopes).' })
  planTasks(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<PlanTask[]> {
    return loadEach<string, PlanTask[]>(ctx, 'PlanTask:agency', agency.id, async (ids) => {
        const rows = await ctx.db
          .getRepository(PlanTask)
          .createQueryBuilder('t')
          .where('t.lead_agency_ids && :ids::text[] OR t.co_agency_ids && :ids::text[]', { ids: [...ids] })
          .orderBy('t.year', 'ASC')
          .addOrderBy('t.seq', 'ASC')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.leadAgencyIds.includes(id) || row.coAgencyIds.includes(id)));
      }) as Promise<PlanTask[]>;
  }
}
