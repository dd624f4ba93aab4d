import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { applySearch, checkYear, type Connection, loadBy, loadEach, paginate, parseDate, Roles, type SubgraphContext, vietnamToday } from '@ioc/kit';
import { AdministrativeUnitsArgs } from '../args/administrative-units.args';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { assertKnown } from '../validation/known.validation';
import { AdministrativeUnitConnection } from '../types/connections.type';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { loadUnitStatistics } from '../stores/dossier-statistics.store';


@Resolver(() => AdministrativeUnit)
@Authorized()
export class AdministrativeUnitResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => AdministrativeUnitConnection, { description: 'Administrative units with filters; by default those valid today.' })
  async administrativeUnits(@Args(() => AdministrativeUnitsArgs) args: AdministrativeUnitsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<AdministrativeUnit>> {
    const validOn = (args.validOn == null ? vietnamToday() : parseDate(args.validOn, 'validOn'));
    const query = ctx.db
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('u')
      .where('u.valid_from <= :validOn AND (u.valid_to IS NULL OR u.valid_to >= :validOn)', { validOn })
      .orderBy('u.code', 'ASC');
    if (args.level) query.andWhere('u.level = :level', { level: args.level });
    if (args.parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: args.parentCode });
    applySearch(query, 'u.search_name', args.search);
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['parentCode', args.parentCode, 'unit']]);
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => AdministrativeUnit, { nullable: true, description: 'A unit by GSO code (any validity); null when unknown.' })
  administrativeUnit(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', code);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The unit one level up; null for the province.' })
  parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> | null {
    return unit.parentCode ? loadBy(ctx, AdministrativeUnit, 'code', unit.parentCode) : null;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => [AdministrativeUnit], { description: 'Direct subdivisions valid on `validOn` (default today), by code.' })
  async children(
    @Root() unit: AdministrativeUnit,
    @Arg('validOn', () => String, { nullable: true }) validOnArg: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AdministrativeUnit[]> {
    const validOn = (validOnArg == null ? vietnamToday() : parseDate(validOnArg, 'validOn'));
    return loadEach<string, AdministrativeUnit[]>(ctx, `AdministrativeUnit:children:${validOn}`, unit.code, async (parents) => {
        const rows = await ctx.db
          .getRepository(AdministrativeUnit)
          .createQueryBuilder('u')
          .where('u.parent_code IN (:...parents)', { parents })
          .andWhere('u.valid_from <= :validOn AND (u.valid_to IS NULL OR u.valid_to >= :validOn)', { validOn })
          .orderBy('u.code', 'ASC')
          .getMany();
        return parents.map((parent) => rows.filter((row) => row.parentCode === parent));
      }) as Promise<AdministrativeUnit[]>;
  }

  @FieldResolver(() => [Agency], { description: "Agencies of the unit (its People's Committee; the provincial agencies for the province)." })
  agencies(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<Agency[]> {
    return loadEach<string, Agency[]>(ctx, 'Agency:unit', unit.code, async (codes) => {
        const rows = await ctx.db.getRepository(Agency).createQueryBuilder('a').where('a.unit_code IN (:...codes)', { codes }).orderBy('a.id').getMany();
        return codes.map((code) => rows.filter((row) => row.unitCode === code));
      }) as Promise<Agency[]>;
  }

  @Authorized(...Roles.dashboard)
  @FieldResolver(() => DossierStatistics, { description: 'Dossiers received in `year` from residents of this unit.' })
  dossierStatistics(@Root() unit: AdministrativeUnit, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<DossierStatistics> {
    return loadUnitStatistics(ctx, unit, checkYear(year));
  }
}
