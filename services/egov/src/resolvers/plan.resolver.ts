import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { applySearch, checkYear, type Connection, loadBy, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { PlanProjectsArgs, PlanTasksArgs } from '../args/plan.args';
import { AgencyRole } from '../enums/plan.enum';
import { Agency } from '../entities/agency.entity';
import { PlanProject } from '../entities/plan-project.entity';
import { PlanTask } from '../entities/plan-task.entity';
import { assertKnown } from '../validation/known.validation';
import { PlanProjectConnection, PlanTaskConnection } from '../types/connections.type';
import { PlanBudget } from '../types/plan-budget.type';

async function agenciesByIds(ids: string[], ctx: SubgraphContext): Promise<Agency[]> {
  const found = await Promise.all(ids.map((id) => loadBy(ctx, Agency, 'id', id)));
  return found.filter((agency): agency is Agency => agency !== null);
}

export async function planBudget(ctx: SubgraphContext, year: number): Promise<PlanBudget | null> {
  const [row] = await ctx.db.query(
    `SELECT count(*)::int AS projects,
            coalesce(sum(amount_million_vnd), 0)::text AS total,
            coalesce(sum(amount_million_vnd) FILTER (WHERE funding_type = 'INVESTMENT'), 0)::text AS investment,
            coalesce(sum(amount_million_vnd) FILTER (WHERE funding_type = 'RECURRING'), 0)::text AS recurring,
            coalesce(sum(amount_million_vnd) FILTER (WHERE funded = false), 0)::text AS unfunded
       FROM plan_project WHERE year = $1`,
    [year],
  );
  if (!row || row.projects === 0) return null;
  // Sums are exact decimals in SQL; they become doubles only here.
  return { year, projects: row.projects, total: Number(row.total), investment: Number(row.investment), recurring: Number(row.recurring), unfunded: Number(row.unfunded) };
}

@Resolver(() => PlanTask)
@Authorized(...Roles.dashboard)
export class PlanTaskResolver {
  @Query(() => PlanTaskConnection, { description: 'Tasks of the plan (Appendix II: 62 in 2023), in the order of the appendix.' })
  async planTasks(@Args(() => PlanTasksArgs) args: PlanTasksArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<PlanTask>> {
    const query = ctx.db.getRepository(PlanTask).createQueryBuilder('t').orderBy('t.year', 'ASC').addOrderBy('t.seq', 'ASC');
    if (args.year !== null && args.year !== undefined) query.andWhere('t.year = :year', { year: checkYear(args.year) });
    if (args.groupCode) query.andWhere('t.group_code = :group', { group: args.groupCode });
    if (args.deadlineKind) query.andWhere('t.deadline_kind = :deadline', { deadline: args.deadlineKind });
    if (args.agencyId) {
      const lead = ':agencyId = ANY(t.lead_agency_ids)';
      const co = ':agencyId = ANY(t.co_agency_ids)';
      const condition = args.role === AgencyRole.LEAD ? lead : args.role === AgencyRole.CO_OPERATING ? co : `(${lead} OR ${co})`;
      query.andWhere(condition, { agencyId: args.agencyId });
    }
    applySearch(query, 't.search_name', args.search);
    return paginate(query, args);
  }

  @FieldResolver(() => [Agency], { description: 'Named lead agencies that are among the 150 (others only in leadAgencyIds).' })
  leadAgencies(@Root() task: PlanTask, @Ctx() ctx: SubgraphContext): Promise<Agency[]> {
    return agenciesByIds(task.leadAgencyIds, ctx);
  }

  @FieldResolver(() => [Agency])
  coAgencies(@Root() task: PlanTask, @Ctx() ctx: SubgraphContext): Promise<Agency[]> {
    return agenciesByIds(task.coAgencyIds, ctx);
  }
}

@Resolver(() => PlanProject)
@Authorized(...Roles.dashboard)
export class PlanProjectResolver {
  @Query(() => PlanProjectConnection, { description: 'Projects of 2022 (Appendix I) and 2023 (Appendix III).' })
  async planProjects(@Args(() => PlanProjectsArgs) args: PlanProjectsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<PlanProject>> {
    const query = ctx.db.getRepository(PlanProject).createQueryBuilder('p').orderBy('p.year', 'ASC').addOrderBy('p.no', 'ASC');
    if (args.year !== null && args.year !== undefined) query.andWhere('p.year = :year', { year: checkYear(args.year) });
    if (args.fundingType) query.andWhere('p.funding_type = :funding', { funding: args.fundingType });
    if (args.leadAgencyId) query.andWhere('p.lead_agency_id = :lead', { lead: args.leadAgencyId });
    if (args.funded !== null && args.funded !== undefined) query.andWhere('p.funded = :funded', { funded: args.funded });
    applySearch(query, 'p.search_name', args.search);
    const page = await paginate(query, args);
    if (page.totalCount === 0) await assertKnown(ctx, [['leadAgencyId', args.leadAgencyId, 'agency']]);
    return page;
  }

  @Query(() => PlanBudget, { nullable: true, description: "A year's totals summed from its project rows; null for a year without projects." })
  planBudget(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<PlanBudget | null> {
    return planBudget(ctx, checkYear(year));
  }

  @FieldResolver(() => Agency, { nullable: true })
  leadAgency(@Root() project: PlanProject, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', project.leadAgencyId);
  }
}
