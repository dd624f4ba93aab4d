import { cachedRead, ReportedMeasurement, Roles } from '@ioc/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@ioc/kit';
import { InfrastructureSummary } from '../types/infrastructure-summary.type';
import { Province } from '../stubs/province.stub';
import { infrastructureCounts, infrastructureIndicators } from '../indicators/infrastructure.indicators';
import { infrastructureReads } from '../loaders/read-cache.loader';

export const provinceCode = '84';

@Resolver(() => Province)
@Authorized(...Roles.dashboard)
export class ProvinceResolver {
  @FieldResolver(() => InfrastructureSummary, { nullable: true, description: 'Hạ tầng số of the province; null for other provinces.' })
  async infrastructure(@Root() province: Province, @Ctx() ctx: SubgraphContext): Promise<InfrastructureSummary | null> {
    if (province.code !== provinceCode) return null;
    return cachedRead(ctx, infrastructureReads, 'province summary', () => this.summary(province, ctx));
  }

  private async summary(province: Province, ctx: SubgraphContext): Promise<InfrastructureSummary> {
    const counts = await infrastructureCounts(ctx);
    const [indicators, reportedMeasurements] = await Promise.all([
      infrastructureIndicators(ctx, counts),
      ctx.db.getRepository(ReportedMeasurement).find({ order: { indicator: 'ASC', period: 'ASC' } }),
    ]);
    const { nrStations: _nr, hostsFailing: _failing, communesWithFibre: _fibre, stateAgencies: _s, stateAgenciesConnected: _sc, ...headline } = counts;
    return {
      provinceCode: province.code,
      ...headline,
      lteShare: counts.btsStations ? Math.round((counts.lteStations / counts.btsStations) * 10_000) / 100 : null,
      indicators,
      reportedMeasurements,
    };
  }
}
