import { cachedRead, loadOnce, type Indicator, type SubgraphContext } from '@ioc/kit';
import { economyReads } from './read-cache.loader';
import { computeIndicators, loadMeasurementPoints, type EconomyDomain } from '../indicators/indicators';
import type { MeasurementPoint } from '../indicators/sources';

/** All reported measurements, read once per request (a few dozen rows). */
export const measurementPoints = (ctx: SubgraphContext): Promise<MeasurementPoint[]> => loadOnce(ctx, 'measurementPoints', () => cachedRead(ctx, economyReads, 'measurement points', () => loadMeasurementPoints(ctx.db.manager)));

/** Both domains' indicators, computed once per request. */
export const domainIndicators = async (ctx: SubgraphContext, domain: EconomyDomain): Promise<Indicator[]> =>
  (await loadOnce(ctx, 'indicators', () => cachedRead(ctx, economyReads, 'indicators', async () => computeIndicators(ctx.db.manager, await measurementPoints(ctx)))))[domain] ?? [];
