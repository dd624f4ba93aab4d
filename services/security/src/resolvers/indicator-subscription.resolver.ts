import { indicatorSubscription } from '@ioc/kit';
import { securityIndicators } from '../indicators/security.indicators';

export const SecurityIndicatorSubscriptionResolver = indicatorSubscription({
  subgraph: 'security',
  field: 'securityIndicatorChanged',
  domains: ['SECURITY'],
  description: 'SECURITY indicators after a write that can move them (a grading approval): one event per indicator, with its value now.',
  compute: (ctx) => securityIndicators(ctx),
});
