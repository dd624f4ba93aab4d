import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { containsPattern, loadBy, paginate, Roles, type SubgraphContext, validatePage } from '@ioc/kit';
import { CommunityTeamFilterArgs, CommunityTeamsArgs } from '../args/community-teams.args';
import { CommunityTeam } from '../entities/community-team.entity';
import { checkUnitFilters } from '../validation/unit.validation';
import { AdministrativeUnit, unitStub } from '../stubs/administrative-unit.stub';
import { CommunityTeamConnection } from '../types/connections.type';
import { provinceCode } from '../domain/province';

export function communityTeamQuery(
  manager: EntityManager,
  args: CommunityTeamFilterArgs & { districtCode?: string | null; communeCode?: string | null },
  unitCode?: string,
): SelectQueryBuilder<CommunityTeam> {
  const query = manager.getRepository(CommunityTeam).createQueryBuilder('t');
  if (args.level != null) query.andWhere('t.level = :level', { level: args.level });
  if (args.districtCode != null) query.andWhere('t.districtCode = :districtCode', { districtCode: args.districtCode });
  if (args.communeCode != null) query.andWhere('t.communeCode = :communeCode', { communeCode: args.communeCode });
  if (unitCode !== undefined && unitCode !== provinceCode) query.andWhere('(t.districtCode = :unitCode OR t.communeCode = :unitCode)', { unitCode });
  const pattern = containsPattern(args.search);
  if (pattern) query.andWhere('t.searchName LIKE :pattern', { pattern });
  // Ids sort district team, then each commune's team followed by its hamlets' teams.
  return query.orderBy('t.id', 'ASC');
}

/** A page of teams plus the members of every matching team (one extra aggregate query). */
export async function communityTeamPage(query: SelectQueryBuilder<CommunityTeam>, args: CommunityTeamFilterArgs): Promise<CommunityTeamConnection> {
  const page = await paginate(query, args);
  const sum = await query.clone().orderBy().select('COALESCE(SUM(t.members), 0)::int', 'members').getRawOne<{ members: number }>();
  return { ...page, totalMembers: Number(sum?.members ?? 0) };
}

@Resolver(() => CommunityTeam)
@Authorized(...Roles.dashboard)
export class CommunityTeamResolver {
  @Query(() => CommunityTeam, { nullable: true })
  async communityTeam(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<CommunityTeam | null> {
    return loadBy(ctx, CommunityTeam, 'id', id);
  }

  @Query(() => CommunityTeamConnection, { description: 'Community digital technology teams (Tổ Công nghệ số cộng đồng), with their members.' })
  async communityTeams(@Args(() => CommunityTeamsArgs) args: CommunityTeamsArgs, @Ctx() ctx: SubgraphContext): Promise<CommunityTeamConnection> {
    validatePage(args);
    await checkUnitFilters(ctx.db.manager, args);
    return communityTeamPage(communityTeamQuery(ctx.db.manager, args), args);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The district or commune the team belongs to (a hamlet team: its commune).' })
  unit(@Root() team: CommunityTeam): AdministrativeUnit {
    return unitStub(team.communeCode ?? team.districtCode);
  }

  @FieldResolver(() => AdministrativeUnit)
  district(@Root() team: CommunityTeam): AdministrativeUnit {
    return unitStub(team.districtCode);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() team: CommunityTeam): AdministrativeUnit | null {
    return team.communeCode ? unitStub(team.communeCode) : null;
  }
}
