import { Arg, Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { In } from 'typeorm';
import {
  badInput,
  evaluateIndicator,
  expand,
  freshLoaders,
  Indicator,
  indicatorCodesOf,
  IndicatorDefinitionRow,
  indicatorDefinitionOf,
  type IndicatorEvent,
  liveStream,
  Roles,
  type SubgraphContext,
} from '@ioc/kit';
import { queryActuals } from '../indicators/egov.indicators';

/** The plan's domains whose indicators this subgraph computes. */
const egovDomains = ['DIGITAL_GOVERNMENT', 'DATA_PLATFORMS', 'WORKFORCE'] as const;

@Resolver(() => Indicator)
export class EgovIndicatorSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => Indicator, {
    description:
      'DIGITAL_GOVERNMENT, DATA_PLATFORMS and WORKFORCE indicators after a write that can move them (dossiers received, feedback received): one event per indicator, with its value now.',
    subscribe: ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { domain } = args as { domain?: string | null };
      if (domain && !(egovDomains as readonly string[]).includes(domain)) throw badInput('domain', `must be one of ${egovDomains.join(', ')}`);
      const domains: readonly string[] = domain ? [domain] : egovDomains;
      return expand(
        liveStream<IndicatorEvent, Indicator[]>(ctx.bus, 'indicator.changed', {
          load: async (event) => {
            const codes = indicatorCodesOf(event, 'egov', domains);
            if (codes.length === 0) return null;
            freshLoaders(ctx);
            // Computed afresh, not from the aggregate cache: the write that announced this may not have cleared it here yet.
            const [definitions, actuals] = await Promise.all([
              ctx.db.getRepository(IndicatorDefinitionRow).find({ where: { code: In(codes) }, order: { position: 'ASC' } }),
              queryActuals(ctx),
            ]);
            const indicators = definitions
              .filter((definition) => domains.includes(definition.domain))
              .map((definition) => evaluateIndicator(indicatorDefinitionOf(definition), actuals[definition.code] ?? null));
            return indicators.length ? indicators : null;
          },
        }),
      );
    },
  })
  digitalGovernmentIndicatorChanged(
    @Root() indicator: Indicator,
    @Arg('domain', () => String, { nullable: true, description: 'DIGITAL_GOVERNMENT, DATA_PLATFORMS or WORKFORCE; all three when left out.' }) _domain?: string,
  ): Indicator {
    return indicator;
  }
}
