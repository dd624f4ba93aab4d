import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { checkYear, Indicator, loadBy, ReportedMeasurement, Roles, type SubgraphContext, vietnamToday } from '@ioc/kit';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { egovIndicators } from '../indicators/egov.indicators';
import { findProvinces } from '../references/province.reference';
import { cachedAggregate } from '../loaders/aggregate-cache.loader';
import { loadUnitStatistics } from '../stores/dossier-statistics.store';
import { DigitalGovernmentSummary } from '../types/digital-government-summary.type';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { PlanBudget } from '../types/plan-budget.type';
import { Province } from '../types/province.type';
import { planBudget } from './plan.resolver';

@Resolver(() => Province)
@Authorized(...Roles.dashboard)
export class ProvinceResolver {
  @Query(() => Province, { nullable: true, description: 'A province by GSO code; null when unknown.' })
  async province(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<Province | null> {
    const [province] = await findProvinces([code], ctx);
    return province ?? null;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'The province as an administrative unit, to drill down.' })
  unit(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', province.code);
  }

  @FieldResolver(() => DigitalGovernmentSummary, { nullable: true })
  async digitalGovernment(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<DigitalGovernmentSummary> {
    const today = vietnamToday();
    // Every headline count from its rows, in one round trip.
    const row = await cachedAggregate(ctx, `summary:headline:${today}`, async () => {
      const [counts] = await ctx.db.query(
        `SELECT
           (SELECT count(*) FROM administrative_unit WHERE level = 'DISTRICT' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1))::int AS districts,
           (SELECT count(*) FROM administrative_unit WHERE level = 'COMMUNE' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1))::int AS communes,
           (SELECT count(*) FROM agency)::int AS agencies,
           (SELECT count(*) FROM information_system)::int AS systems,
           (SELECT count(*) FROM administrative_procedure)::int AS procedures,
           s.services, s.level3, s.level4, s.portal,
           (SELECT count(*) FROM dossier WHERE status = 'PROCESSING' AND due_at < now())::int AS overdue,
           (SELECT count(*) FROM feedback WHERE status <> 'ANSWERED')::int AS open_feedback,
           (SELECT count(*) FROM plan_task WHERE year = (SELECT max(year) FROM plan_task))::int AS tasks
         FROM (SELECT count(*)::int AS services, (count(*) FILTER (WHERE level = 3))::int AS level3,
                      (count(*) FILTER (WHERE level = 4))::int AS level4, (count(*) FILTER (WHERE national_portal))::int AS portal
                 FROM online_service) s`,
        [today],
      );
      return counts;
    });
    return {
      provinceCode: province.code,
      districts: row.districts,
      communes: row.communes,
      agencies: row.agencies,
      informationSystems: row.systems,
      procedures: row.procedures,
      onlineServices: row.services,
      onlineServicesLevel3: row.level3,
      onlineServicesLevel4: row.level4,
      onlineServicesOnNationalPortal: row.portal,
      overdueDossiers: row.overdue,
      openFeedback: row.open_feedback,
      planTasks: row.tasks,
    };
  }
}

@Resolver(() => DigitalGovernmentSummary)
@Authorized(...Roles.dashboard)
export class DigitalGovernmentSummaryResolver {
  @FieldResolver(() => [Indicator], { description: 'The 2023 targets for digital government, data platforms and workforce, with live actuals.' })
  indicators(@Ctx() ctx: SubgraphContext): Promise<Indicator[]> {
    return egovIndicators(ctx);
  }

  @FieldResolver(() => Indicator, { nullable: true, description: 'One indicator by code, e.g. "dossiersOnlineShare".' })
  async indicator(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<Indicator | null> {
    return (await egovIndicators(ctx)).find((indicator) => indicator.code === code) ?? null;
  }

  @FieldResolver(() => DossierStatistics, { description: 'Dossiers received in `year` across the province.' })
  async dossiers(@Root() summary: DigitalGovernmentSummary, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<DossierStatistics> {
    const unit = await loadBy(ctx, AdministrativeUnit, 'code', summary.provinceCode);
    return loadUnitStatistics(ctx, unit!, checkYear(year));
  }

  @FieldResolver(() => PlanBudget, { nullable: true, description: "A year's budget (2023) or spend (2022), summed from the projects." })
  planBudget(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<PlanBudget | null> {
    return planBudget(ctx, checkYear(year));
  }

  @FieldResolver(() => ReportedMeasurement, {
    nullable: true,
    description: 'A total the plan reports (e.g. "ioffice.users", "email.mailboxes") for a period; null when not reported.',
  })
  measurement(
    @Arg('indicator', () => String) indicator: string,
    @Arg('period', () => String, { defaultValue: '2022' }) period: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportedMeasurement | null> {
    return ctx.db.getRepository(ReportedMeasurement).findOneBy({ indicator, period });
  }

  @FieldResolver(() => [ReportedMeasurement], { description: 'Reported totals, optionally of one domain or indicator prefix (e.g. "ioffice.").' })
  measurements(
    @Arg('domain', () => String, { nullable: true }) domain: string | null,
    @Arg('prefix', () => String, { nullable: true }) prefix: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportedMeasurement[]> {
    const query = ctx.db.getRepository(ReportedMeasurement).createQueryBuilder('m').orderBy('m.indicator').addOrderBy('m.period');
    if (domain) query.andWhere('m.domain = :domain', { domain });
    if (prefix) query.andWhere(`m.indicator LIKE :prefix ESCAPE '\\'`, { prefix: `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return query.getMany();
  }
}
