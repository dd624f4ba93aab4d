import { Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { expand, freshLoaders, Indicator, indicatorCodesOf, type IndicatorEvent, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { securityIndicators } from '../indicators/security.indicators';

@Resolver(() => Indicator)
export class SecurityIndicatorSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => Indicator, {
    description:
      'SECURITY indicators after a write that can move them (a grading approval): one event per indicator, with its value now.',
    subscribe: ({ context }) => {
      const ctx = context as SubgraphContext;
      return expand(
        liveStream<IndicatorEvent, Indicator[]>(ctx.bus, 'indicator.changed', {
          load: async (event) => {
            const codes = indicatorCodesOf(event, 'security', ['SECURITY']);
            if (codes.length === 0) return null;
            freshLoaders(ctx);
            const indicators = (await securityIndicators(ctx)).filter((indicator) => codes.includes(indicator.code));
            return indicators.length ? indicators : null;
          },
        }),
      );
    },
  })
  securityIndicatorChanged(@Root() indicator: Indicator): Indicator {
    return indicator;
  }
}
