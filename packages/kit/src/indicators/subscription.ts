import { Arg, Authorized, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import { Roles } from '../auth/policy';
import { badInput } from '../errors';
import { Indicator, indicatorCodesOf, type IndicatorEvent } from '../indicator';
import { expand, freshLoaders, liveStream } from '../live';
import type { SubgraphContext } from '../subgraph';

export interface IndicatorSubscriptionOptions {
  /** The subgraph, as it publishes `indicator.changed` (publishIndicatorChanges). */
  subgraph: string;
  /** The root field: subgraphs of one graph need different names. */
  field: string;
  /** The plan's domains whose indicators this subgraph computes. */
  domains: readonly string[];
  description: string;
  /** With several domains, the field takes an optional `domain` argument described so. */
  domainDescription?: string;
  /** The indicators of `domains` as they are now; at least those with `codes`. */
  compute: (ctx: SubgraphContext, codes: readonly string[], domains: readonly string[]) => Promise<Indicator[]>;
}

/**
 * A subgraph's live indicators as one resolver: after each `indicator.changed` event naming some
 * of this subgraph's codes, one event per indicator that may have moved, with its value now
 * (recomputed with fresh loaders, as the write that announced it has committed). Dashboard roles.
 */
export function indicatorSubscription(options: IndicatorSubscriptionOptions): ClassType {
  const subscribe = ({ args, context }: { args: Record<string, unknown>; context: unknown }) => {
    const ctx = context as SubgraphContext;
    const domain = args.domain as string | null | undefined;
    if (domain && !options.domains.includes(domain)) throw badInput('domain', `must be one of ${options.domains.join(', ')}`);
    const domains = domain ? [domain] : options.domains;
    return expand(
      liveStream<IndicatorEvent, Indicator[]>(ctx.bus, 'indicator.changed', {
        load: async (event) => {
          const codes = indicatorCodesOf(event, options.subgraph, domains);
          if (codes.length === 0) return null;
          freshLoaders(ctx);
          const indicators = (await options.compute(ctx, codes, domains)).filter((indicator) => codes.includes(indicator.code));
          return indicators.length ? indicators : null;
        },
      }),
    );
  };
  const field = { name: options.field, description: options.description, subscribe };

  const named = (resolver: ClassType) => Object.defineProperty(resolver, 'name', { value: `${options.field}Resolver` }) as ClassType;

  if (options.domainDescription === undefined) {
    @Resolver(() => Indicator)
    class IndicatorSubscriptionResolver {
      @Authorized(...Roles.dashboard)
      @Subscription(() => Indicator, field)
      indicatorChanged(@Root() indicator: Indicator): Indicator {
        return indicator;
      }
    }
    return named(IndicatorSubscriptionResolver);
  }

  const domainArgument = { nullable: true, description: options.domainDescription };

  @Resolver(() => Indicator)
  class DomainIndicatorSubscriptionResolver {
    @Authorized(...Roles.dashboard)
    @Subscription(() => Indicator, field)
    indicatorChanged(@Root() indicator: Indicator, @Arg('domain', () => String, domainArgument) _domain?: string): Indicator {
      return indicator;
    }
  }
  return named(DomainIndicatorSubscriptionResolver);
}
