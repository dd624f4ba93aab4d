import { indicatorSubscription } from '@ioc/kit';
import { computeIndicators, economyDomains, type EconomyDomain } from '../indicators/indicators';

export const EconomyIndicatorSubscriptionResolver = indicatorSubscription({
  subgraph: 'economy',
  field: 'economyIndicatorChanged',
  domains: economyDomains,
  description:
    'DIGITAL_ECONOMY and DIGITAL_SOCIETY indicators whose value moved (a recorded measurement, an enterprise or product joining the platform): one event per indicator, with its value now.',
  domainDescription: 'DIGITAL_ECONOMY or DIGITAL_SOCIETY; both when left out.',
  compute: async (ctx, _codes, domains) => {
    const computed = await computeIndicators(ctx.db.manager);
    return domains.flatMap((domain) => computed[domain as EconomyDomain]);
  },
});
