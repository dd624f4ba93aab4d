import type { SubgraphContext } from '@ioc/kit';
import { Agency } from '../entities/agency.entity';
import { InformationSystem } from '../entities/information-system.entity';
import { cachedAggregate } from './aggregate-cache.loader';

/**
 * The catalogue of information systems (47) and the agencies (a few hundred) by id, read whole
 * once through the aggregate cache: no mutation of this service writes them (the seed does), so
 * the SOC's alert list resolves its systems' names and owners without SQL once warm.
 */
export const systemsById = (ctx: SubgraphContext): Promise<Map<string, InformationSystem>> =>
  cachedAggregate(ctx, 'catalogue:systems', async () => new Map((await ctx.db.getRepository(InformationSystem).find()).map((row) => [row.id, row])));

export const agenciesById = (ctx: SubgraphContext): Promise<Map<string, Agency>> =>
  cachedAggregate(ctx, 'catalogue:agencies', async () => new Map((await ctx.db.getRepository(Agency).find()).map((row) => [row.id, row])));
