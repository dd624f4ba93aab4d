import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { badInput, expand, freshLoaders, Indicator, indicatorCodesOf, type IndicatorEvent, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { computeIndicators, economyDomains, type EconomyDomain } from '../indicators/indicators';

@Resolver(() => Indicator)
export class EconomyIndicatorSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => Indicator, {
    description:
      'DIGITAL_ECONOMY and DIGITAL_SOCIETY indicators whose value moved (a recorded measurement, an enterprise or product joining the platform): one event per indicator, with its value now.',
    subscribe: ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { domain } = args as { domain?: string | null };
      if (domain && !(economyDomains as readonly string[]).includes(domain)) throw badInput('domain', `must be one of ${economyDomains.join(', ')}`);
      const domains = domain ? [domain as EconomyDomain] : economyDomains;
      return expand(
        liveStream<IndicatorEvent, Indicator[]>(ctx.bus, 'indicator.changed', {
          load: async (event) => {
            const codes = indicatorCodesOf(event, 'economy', domains);
            if (codes.length === 0) return null;
            freshLoaders(ctx);
            const computed = await computeIndicators(ctx.db.manager);
            const indicators = domains.flatMap((name) => computed[name]).filter((indicator) => codes.includes(indicator.code));
            return indicators.length ? indicators : null;
          },
        }),
      );
    },
  })
  economyIndicatorChanged(
    @Root() indicator: Indicator,
    @Arg('domain', () => String, { nullable: true, description: 'DIGITAL_ECONOMY or DIGITAL_SOCIETY; both when left out.' }) _domain?: string,
  ): Indicator {
    return indicator;
  }
}
