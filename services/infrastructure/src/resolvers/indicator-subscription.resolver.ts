import { indicatorSubscription } from '@ioc/kit';
import { infrastructureCounts, infrastructureIndicators } from '../indicators/infrastructure.indicators';

export const InfrastructureIndicatorSubscriptionResolver = indicatorSubscription({
  subgraph: 'infrastructure',
  field: 'infrastructureIndicatorChanged',
  domains: ['INFRASTRUCTURE'],
  description:
    'INFRASTRUCTURE indicators after a write that can move them (an LTE station going down or back up, a data-centre host failing or recovering): one event per indicator, with its value now.',
  compute: async (ctx) => infrastructureIndicators(ctx, await infrastructureCounts(ctx)),
});
