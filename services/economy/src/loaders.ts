import { In } from 'typeorm';
import { alignByKey, type Indicator, type SubgraphContext } from '@ioc/kit';
import { CommunityTeam } from './entities/community-team.entity';
import { EcommerceProduct } from './entities/ecommerce-product.entity';
import { EInvoiceRegistration } from './entities/einvoice-registration.entity';
import { Enterprise } from './entities/enterprise.entity';
import { OcopProduct } from './entities/ocop-product.entity';
import { computeIndicators, loadMeasurementPoints, type EconomyDomain } from './indicators/indicators';
import type { MeasurementPoint } from './indicators/sources';

/** Per-request batching: every loader below is one SQL query however many parents ask. */
export const enterpriseLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, Enterprise>('enterprise', async (codes) => {
    const rows = await ctx.db.getRepository(Enterprise).findBy({ taxCode: In([...codes]) });
    return alignByKey(codes, rows, (row) => row.taxCode);
  });

export const ocopProductLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, OcopProduct>('ocopProduct', async (ids) => {
    const rows = await ctx.db.getRepository(OcopProduct).findBy({ id: In([...ids]) });
    return alignByKey(ids, rows, (row) => row.id);
  });

export const ecommerceProductLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, EcommerceProduct>('ecommerceProduct', async (ids) => {
    const rows = await ctx.db.getRepository(EcommerceProduct).findBy({ id: In([...ids]) });
    return alignByKey(ids, rows, (row) => row.id);
  });

export const communityTeamLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, CommunityTeam>('communityTeam', async (ids) => {
    const rows = await ctx.db.getRepository(CommunityTeam).findBy({ id: In([...ids]) });
    return alignByKey(ids, rows, (row) => row.id);
  });

export const productsByEnterpriseLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, EcommerceProduct[]>('productsByEnterprise', async (codes) => {
    const rows = await ctx.db
      .getRepository(EcommerceProduct)
      .find({ where: { enterpriseTaxCode: In([...codes]) }, order: { searchName: 'ASC', id: 'ASC' } });
    const grouped = new Map<string, EcommerceProduct[]>();
    for (const row of rows) grouped.set(row.enterpriseTaxCode, [...(grouped.get(row.enterpriseTaxCode) ?? []), row]);
    return codes.map((code) => grouped.get(code) ?? []);
  });

export const eInvoiceLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, EInvoiceRegistration>('eInvoiceRegistration', async (codes) => {
    const rows = await ctx.db.getRepository(EInvoiceRegistration).findBy({ taxCode: In([...codes]) });
    return alignByKey(codes, rows, (row) => row.taxCode);
  });

/** All reported measurements, read once per request (a few dozen rows). */
export const measurementPoints = (ctx: SubgraphContext): Promise<MeasurementPoint[]> =>
  ctx.loaders
    .get<string, MeasurementPoint[]>('measurementPoints', async (keys) => {
      const points = await loadMeasurementPoints(ctx.db.manager);
      return keys.map(() => points);
    })
    .load('all')
    .then((points) => points ?? []);

/** Both domains' indicators, computed once per request. */
export const domainIndicators = (ctx: SubgraphContext, domain: EconomyDomain): Promise<Indicator[]> =>
  ctx.loaders
    .get<string, Record<EconomyDomain, Indicator[]>>('indicators', async (keys) => {
      const indicators = await computeIndicators(ctx.db.manager, await measurementPoints(ctx));
      return keys.map(() => indicators);
    })
    .load('all')
    .then((all) => all?.[domain] ?? []);
