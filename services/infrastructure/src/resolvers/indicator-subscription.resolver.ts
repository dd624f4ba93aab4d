import { Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { expand, freshLoaders, Indicator, indicatorCodesOf, type IndicatorEvent, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { infrastructureCounts, infrastructureIndicators } from '../indicators/infrastructure.indicators';

@Resolver(() => Indicator)
export class InfrastructureIndicatorSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => Indicator, {
    description:
      'INFRASTRUCTURE indicators after a write that can move them (an LTE station going down or back up, a data-centre host failing or recovering): one event per indicator, with its value now.',
    subscribe: ({ context }) => {
      const ctx = context as SubgraphContext;
      return expand(
        liveStream<IndicatorEvent, Indicator[]>(ctx.bus, 'indicator.changed', {
          load: async (event) => {
            const codes = indicatorCodesOf(event, 'infrastructure', ['INFRASTRUCTURE']);
            if (codes.length === 0) return null;
            freshLoaders(ctx);
            const indicators = (await infrastructureIndicators(ctx, await infrastructureCounts(ctx))).filter((indicator) => codes.includes(indicator.code));
            return indicators.length ? indicators : null;
          },
        }),
      );
    },
  })
  infrastructureIndicatorChanged(@Root() indicator: Indicator): Indicator {
    return indicator;
  }
}
