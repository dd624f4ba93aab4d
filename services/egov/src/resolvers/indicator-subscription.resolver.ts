import { In } from 'typeorm';
import { evaluateIndicator, IndicatorDefinitionRow, indicatorDefinitionOf, indicatorSubscription } from '@ioc/kit';
import { queryActuals } from '../indicators/egov.indicators';

export const EgovIndicatorSubscriptionResolver = indicatorSubscription({
  subgraph: 'egov',
  field: 'digitalGovernmentIndicatorChanged',
  domains: ['DIGITAL_GOVERNMENT', 'DATA_PLATFORMS', 'WORKFORCE'],
  description:
    'DIGITAL_GOVERNMENT, DATA_PLATFORMS and WORKFORCE indicators after a write that can move them (dossiers received, feedback received): one event per indicator, with its value now.',
  domainDescription: 'DIGITAL_GOVERNMENT, DATA_PLATFORMS or WORKFORCE; all three when left out.',
  compute: async (ctx, codes, domains) => {
    // Computed afresh, not from the aggregate cache: the write that announced this may not have cleared it here yet.
    const [definitions, actuals] = await Promise.all([
      ctx.db.getRepository(IndicatorDefinitionRow).find({ where: { code: In([...codes]) }, order: { position: 'ASC' } }),
      queryActuals(ctx),
    ]);
    return definitions
      .filter((definition) => domains.includes(definition.domain))
      .map((definition) => evaluateIndicator(indicatorDefinitionOf(definition), actuals[definition.code] ?? null));
  },
});
