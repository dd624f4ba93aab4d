import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type Connection, loadEach, paginate, Roles, type SubgraphContext, validatePage } from '@ioc/kit';
import { CommunityTeamFilterArgs } from '../args/community-teams.args';
import { EnterpriseFilterArgs } from '../args/enterprises.args';
import { Enterprise } from '../entities/enterprise.entity';
import { AdministrativeUnit } from '../stubs/administrative-unit.stub';
import { UnitDigitalEconomyCounts } from '../types/unit-digital-economy-counts.type';
import { CommunityTeamConnection, EnterpriseConnection } from '../types/connections.type';
import { communityTeamPage, communityTeamQuery } from './community-team.resolver';
import { enterpriseQuery } from './enterprise.resolver';

/**
 * Every count for many units in ONE statement: a unit matches rows of its own district or commune;
 * the province (level PROVINCE) matches everything.
 */
const countsSql = `
  WITH unit AS (SELECT u.code, u.level FROM unit_ref u WHERE u.code = ANY($1::text[]))
  SELECT unit.code,
    (SELECT count(*) FROM enterprise e WHERE e.sector = 'ICT' AND (unit.level = 'PROVINCE' OR unit.code IN (e.district_code, e.commune_code)))::int AS "ictEnterprises",
    (SELECT count(*) FROM enterprise e WHERE e.platform_joined_on IS NOT NULL AND (unit.level = 'PROVINCE' OR unit.code IN (e.district_code, e.commune_code)))::int AS "platformEnterprises",
    (SELECT count(*) FROM ecommerce_product p JOIN enterprise e ON e.tax_code = p.enterprise_tax_code
      WHERE unit.level = 'PROVINCE' OR unit.code IN (e.district_code, e.commune_code))::int AS "platformProducts",
    (SELECT count(*) FROM ocop_product o WHERE unit.level = 'PROVINCE' OR unit.code IN (o.district_code, o.commune_code))::int AS "ocopProducts",
    (SELECT count(*) FROM ocop_product o WHERE cardinality(o.national_platforms) > 0
      AND (unit.level = 'PROVINCE' OR unit.code IN (o.district_code, o.commune_code)))::int AS "ocopProductsListed",
    (SELECT count(*) FROM einvoice_registration r WHERE unit.level = 'PROVINCE' OR unit.code IN (r.district_code, r.commune_code))::int AS "eInvoiceTaxCodes",
    t.teams AS "communityTeams", t.members AS "communityTeamMembers"
  FROM unit
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS teams, COALESCE(sum(members), 0)::int AS members FROM community_team ct
    WHERE unit.level = 'PROVINCE' OR ct.district_code = unit.code OR ct.commune_code = unit.code
  ) t`;

@Resolver(() => AdministrativeUnit)
@Authorized(...Roles.dashboard)
export class AdministrativeUnitResolver {
  @FieldResolver(() => EnterpriseConnection, { description: 'Enterprises with their head office in this province, district or commune.' })
  async enterprises(
    @Root() unit: AdministrativeUnit,
    @Args(() => EnterpriseFilterArgs) args: EnterpriseFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<Enterprise>> {
    validatePage(args);
    return paginate(enterpriseQuery(ctx.db.manager, args, unit.code), args);
  }

  @FieldResolver(() => CommunityTeamConnection, { description: 'Community digital technology teams in this unit, at every level below it.' })
  async communityTeams(
    @Root() unit: AdministrativeUnit,
    @Args(() => CommunityTeamFilterArgs) args: CommunityTeamFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityTeamConnection> {
    validatePage(args);
    return communityTeamPage(communityTeamQuery(ctx.db.manager, args, unit.code), args);
  }

  @FieldResolver(() => UnitDigitalEconomyCounts, {
    nullable: true,
    description: 'Counts for drill-downs (one SQL query for all units of a request); null for a code this subgraph does not know.',
  })
  async digitalEconomyCounts(@Root() unit: AdministrativeUnit, @Ctx() ctx: SubgraphContext): Promise<UnitDigitalEconomyCounts | null> {
    return loadEach(ctx, 'unitCounts', unit.code, async (codes): Promise<Array<UnitDigitalEconomyCounts | null>> => {
      const rows = await ctx.db.query<Array<UnitDigitalEconomyCounts & { code: string }>>(countsSql, [[...codes]]);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => {
        const row = byCode.get(code);
        if (!row) return null;
        const { code: _code, ...counts } = row;
        return { ...counts, membersPerTeam: counts.communityTeams ? Math.round((counts.communityTeamMembers / counts.communityTeams) * 100) / 100 : null };
      });
    });
  }
}
