import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyOrdering, badInput, type Connection, containsPattern, foldVietnamese, loadBy, type Ordering, paginate, parsePastDate, publishIndicatorChanges, recordAudit, Roles, type SubgraphContext, validatePage, vietnamToday, withTransaction } from '@ioc/kit';
import { EcommerceProductsArgs } from '../args/ecommerce-products.args';
import { EcommerceProductOrder } from '../enums/ecommerce-product.enum';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';
import { ProductCategory } from '../enums/ecommerce-product.enum';
import { Enterprise } from '../entities/enterprise.entity';
import { OcopProduct } from '../entities/ocop-product.entity';
import { ListProductOnPlatformInput } from '../inputs/list-product.input';
import { isTaxCode, normaliseTaxCode } from '../domain/tax-code';
import { checkUnitFilters } from '../validation/unit.validation';
import { trackIndicatorChanges } from '../indicators/indicators';
import { announceEconomyWrite } from '../loaders/read-cache.loader';
import { EcommerceProductConnection } from '../types/connections.type';

const maxNameLength = 200;

const productOrderings: Record<EcommerceProductOrder, Ordering> = {
  [EcommerceProductOrder.NAME]: [['p.searchName', 'ASC'], ['p.id', 'ASC']],
  [EcommerceProductOrder.LISTED_ON_DESC]: [['p.listedOn', 'DESC'], ['p.id', 'ASC']],
  [EcommerceProductOrder.PRICE_ASC]: [['p.priceVnd', 'ASC', 'NULLS LAST'], ['p.id', 'ASC']],
};
@Resolver(() => EcommerceProduct)
@Authorized(...Roles.dashboard)
export class EcommerceProductResolver {
  @Query(() => EcommerceProduct, { nullable: true })
  async ecommerceProduct(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<EcommerceProduct | null> {
    return loadBy(ctx, EcommerceProduct, 'id', id);
  }

  @Query(() => EcommerceProductConnection, { description: 'Products listed on the provincial e-commerce platform travinhtrade.vn.' })
  async ecommerceProducts(@Args(() => EcommerceProductsArgs) args: EcommerceProductsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<EcommerceProduct>> {
    validatePage(args);
    await checkUnitFilters(ctx.db.manager, args);
    const query = ctx.db.getRepository(EcommerceProduct).createQueryBuilder('p');
    if (args.enterpriseTaxCode != null) {
      const taxCode = normaliseTaxCode(args.enterpriseTaxCode);
      if (!isTaxCode(taxCode)) throw badInput('enterpriseTaxCode', `"${args.enterpriseTaxCode}" is not a tax code`);
      query.andWhere('p.enterpriseTaxCode = :taxCode', { taxCode });
    }
    if (args.category != null) query.andWhere('p.category = :category', { category: args.category });
    if (args.ocop != null) query.andWhere(`p.ocopProductId IS ${args.ocop ? 'NOT ' : ''}NULL`);
    if (args.districtCode != null) {
      query.andWhere('p.enterpriseTaxCode IN (SELECT e.tax_code FROM enterprise e WHERE e.district_code = :districtCode)', { districtCode: args.districtCode });
    }
    const pattern = containsPattern(args.search);
    if (pattern) query.andWhere('p.searchName LIKE :pattern', { pattern });
    applyOrdering(query, productOrderings[args.orderBy ?? EcommerceProductOrder.NAME]);
    return paginate(query, args);
  }

  @FieldResolver(() => Enterprise)
  async enterprise(@Root() product: EcommerceProduct, @Ctx() ctx: SubgraphContext): Promise<Enterprise> {
    const enterprise = await loadBy(ctx, Enterprise, 'taxCode', product.enterpriseTaxCode);
    if (!enterprise) throw new Error(`product ${product.id} has no enterprise ${product.enterpriseTaxCode}`);
    return enterprise;
  }

  @FieldResolver(() => OcopProduct, { nullable: true })
  async ocopProduct(@Root() product: EcommerceProduct, @Ctx() ctx: SubgraphContext): Promise<OcopProduct | null> {
    return product.ocopProductId ? loadBy(ctx, OcopProduct, 'id', product.ocopProductId) : null;
  }

  @Authorized('admin')
  @Mutation(() => EcommerceProduct, { description: 'Lists a product on travinhtrade.vn for an enterprise already on the platform.' })
  async listProductOnPlatform(
    @Arg('input', () => ListProductOnPlatformInput) input: ListProductOnPlatformInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EcommerceProduct> {
    const taxCode = normaliseTaxCode(input.enterpriseTaxCode);
    if (!isTaxCode(taxCode)) throw badInput('input.enterpriseTaxCode', `"${input.enterpriseTaxCode}" is not a tax code`);
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name) throw badInput('input.name', 'must not be empty');
    if (name.length > maxNameLength) throw badInput('input.name', `at most ${maxNameLength} characters`);
    if (input.priceVnd != null && (!Number.isInteger(input.priceVnd) || input.priceVnd < 0)) throw badInput('input.priceVnd', 'must be a whole number of VND, 0 or more');
    if (input.category === ProductCategory.OCOP && !input.ocopProductId) throw badInput('input.ocopProductId', 'required for category OCOP');
    if (input.ocopProductId && input.category !== ProductCategory.OCOP) throw badInput('input.category', 'must be OCOP when ocopProductId is given');
    const listedOn = input.listedOn != null ? parsePastDate(input.listedOn, 'input.listedOn') : vietnamToday();
    const saleUnit = input.saleUnit?.trim() || null;

    return withTransaction(ctx.db, async (tx) => {
      const enterprise = await tx.manager.getRepository(Enterprise).findOneBy({ taxCode });
      if (!enterprise) throw badInput('input.enterpriseTaxCode', `no enterprise with tax code ${taxCode}`);
      if (!enterprise.platformJoinedOn) throw badInput('input.enterpriseTaxCode', `${taxCode} (${enterprise.name}) is not on travinhtrade.vn: register it first`);
      if (input.ocopProductId) {
        const ocop = await tx.manager.getRepository(OcopProduct).findOneBy({ id: input.ocopProductId });
        if (!ocop) throw badInput('input.ocopProductId', `no OCOP product "${input.ocopProductId}"`);
        if (ocop.producerTaxCode && ocop.producerTaxCode !== taxCode) {
          throw badInput('input.ocopProductId', `"${ocop.name}" is certified to another producer (${ocop.producerName})`);
        }
      }
      const searchName = foldVietnamese(name);
      const duplicate = await tx.manager.getRepository(EcommerceProduct).existsBy({ enterpriseTaxCode: taxCode, searchName });
      if (duplicate) throw badInput('input.name', `${enterprise.name} already lists "${name}"`);

      const { result: id, changed } = await trackIndicatorChanges(tx.manager, async () => {
        const rows = await tx.query<Array<{ id: string }>>(
          `INSERT INTO ecommerce_product (enterprise_tax_code, name, search_name, category, ocop_product_id, price_vnd, sale_unit, listed_on, synthetic)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false) RETURNING id`,
          [taxCode, name, searchName, input.category, input.ocopProductId ?? null, input.priceVnd ?? null, saleUnit, listedOn],
        );
        return rows[0]!.id;
      });
      await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'economy' }, changed);
      await announceEconomyWrite(ctx, tx, { type: 'EcommerceProduct', id });
      const product = await tx.manager.getRepository(EcommerceProduct).findOneByOrFail({ id });
      await recordAudit(tx, ctx, {
        operation: 'listProductOnPlatform',
        targetType: 'EcommerceProduct',
        targetIds: [id],
        after: product,
        fields: ['enterpriseTaxCode', 'name', 'category', 'ocopProductId', 'priceVnd', 'saleUnit', 'listedOn'],
      });
      return product;
    });
  }
}
