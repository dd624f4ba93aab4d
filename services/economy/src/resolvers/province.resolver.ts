import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { cachedRead, loadOnce, Roles, type SubgraphContext } from '@ioc/kit';
import { economyReads } from '../loaders/read-cache.loader';
import { economyMeasurements } from '../indicators/digital-economy.indicators';
import { societyMeasurements } from '../indicators/digital-society.indicators';
import { latestValue } from '../indicators/sources';
import { domainIndicators, measurementPoints } from '../loaders/indicator.loader';
import { DigitalEconomySummary } from '../types/digital-economy-summary.type';
import { DigitalSocietySummary } from '../types/digital-society-summary.type';
import { Province } from '../stubs/province.stub';
import { provinceCode } from '../domain/province';

const asInt = (value: number | null) => (value === null ? null : Math.round(value));

interface ProvinceCounts {
  ictEnterprises: number;
  platformEnterprises: number;
  platformProducts: number;
  ocopProducts: number;
  ocopProductsListed: number;
  eInvoiceTaxCodes: number;
  teams: number;
  members: number;
  units: number;
  covered: number;
}

/** Every province-wide count of both summaries in one statement, once per request. */
const provinceCounts = (ctx: SubgraphContext): Promise<ProvinceCounts> =>
  loadOnce(ctx, 'provinceCounts', () => cachedRead(ctx, economyReads, 'province counts', async () => {
    const [counts] = await ctx.db.query<ProvinceCounts[]>(`
      SELECT (SELECT count(*) FROM enterprise WHERE sector = 'ICT')::int AS "ictEnterprises",
             (SELECT count(*) FROM enterprise WHERE platform_joined_on IS NOT NULL)::int AS "platformEnterprises",
             (SELECT count(*) FROM ecommerce_product)::int AS "platformProducts",
             (SELECT count(*) FROM ocop_product)::int AS "ocopProducts",
             (SELECT count(*) FROM ocop_product WHERE cardinality(national_platforms) > 0)::int AS "ocopProductsListed",
             (SELECT count(*) FROM einvoice_registration)::int AS "eInvoiceTaxCodes",
             (SELECT count(*) FROM community_team)::int AS teams,
             (SELECT COALESCE(sum(members), 0) FROM community_team)::int AS members,
             (SELECT count(*) FROM unit_ref WHERE level <> 'PROVINCE')::int AS units,
             (SELECT count(*) FROM unit_ref u WHERE u.level <> 'PROVINCE' AND EXISTS (
                SELECT 1 FROM community_team t
                WHERE (u.level = 'DISTRICT' AND t.level = 'DISTRICT' AND t.district_code = u.code)
                   OR (u.level = 'COMMUNE' AND t.level = 'COMMUNE' AND t.commune_code = u.code)))::int AS covered`);
    return counts!;
  }));

@Resolver(() => Province)
@Authorized(...Roles.dashboard)
export class ProvinceResolver {
  @FieldResolver(() => DigitalEconomySummary, { nullable: true, description: 'Kinh tế số: counts from the rows, reported totals and the DIGITAL_ECONOMY indicators.' })
  async digitalEconomy(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<DigitalEconomySummary | null> {
    if (province.code !== provinceCode) return null;
    const [counts, points, indicators] = await Promise.all([provinceCounts(ctx), measurementPoints(ctx), domainIndicators(ctx, 'DIGITAL_ECONOMY')]);
    return {
      provinceCode: province.code,
      ictEnterprises: counts.ictEnterprises,
      platformEnterprises: counts.platformEnterprises,
      platformProducts: counts.platformProducts,
      ocopProducts: counts.ocopProducts,
      ocopProductsListed: counts.ocopProductsListed,
      eInvoiceTaxCodes: counts.eInvoiceTaxCodes,
      farmHouseholdsOnEcommerce: asInt(latestValue(points, economyMeasurements.farmHouseholds)),
      farmHouseholdsOnPostmart: asInt(latestValue(points, economyMeasurements.farmHouseholdsPostmart)),
      farmHouseholdsOnVoso: asInt(latestValue(points, economyMeasurements.farmHouseholdsVoso)),
      farmProductsOnEcommerce: asInt(latestValue(points, economyMeasurements.farmProducts)),
      indicators,
    };
  }

  @FieldResolver(() => DigitalSocietySummary, { nullable: true, description: 'Xã hội số: community teams, payments, connectivity and the DIGITAL_SOCIETY indicators.' })
  async digitalSociety(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<DigitalSocietySummary | null> {
    if (province.code !== provinceCode) return null;
    const [counts, points, indicators] = await Promise.all([provinceCounts(ctx), measurementPoints(ctx), domainIndicators(ctx, 'DIGITAL_SOCIETY')]);
    const m = (code: string) => latestValue(points, code);
    return {
      provinceCode: province.code,
      communityTeams: counts.teams,
      communityTeamMembers: counts.members,
      unitsWithTeamsShare: counts.units ? Math.round((counts.covered / counts.units) * 10_000) / 100 : null,
      paymentAccountHolders: asInt(m(societyMeasurements.paymentAccountHolders)),
      mobileMoneyAccounts: asInt(m(societyMeasurements.mobileMoneyAccounts)),
      electricityCustomers: asInt(m(societyMeasurements.electricityCustomers)),
      electricityCashlessCustomers: asInt(m(societyMeasurements.electricityCashlessCustomers)),
      electricityCashlessShare: m(societyMeasurements.electricityCashlessShare),
      internetUsersShare: m(societyMeasurements.internetUsersShare),
      smartphoneShare: m(societyMeasurements.smartphoneShare),
      fibreHouseholdsShare: m(societyMeasurements.fibreHouseholdsShare),
      indicators,
    };
  }
}
