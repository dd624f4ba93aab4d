import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badInput, type Connection, containsPattern, loadBy, paginate, Roles, type SubgraphContext, validatePage } from '@ioc/kit';
import { OcopProductsArgs } from '../args/ocop-products.args';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';
import { Enterprise } from '../entities/enterprise.entity';
import { OcopProduct } from '../entities/ocop-product.entity';
import { checkUnitFilters } from '../validation/unit.validation';
import { productsOfEnterprise } from '../loaders/enterprise.loader';
import { AdministrativeUnit, unitStub } from '../stubs/administrative-unit.stub';
import { OcopProductConnection } from '../types/connections.type';

@Resolver(() => OcopProduct)
@Authorized(...Roles.dashboard)
export class OcopProductResolver {
  @Query(() => OcopProduct, { nullable: true })
  async ocopProduct(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<OcopProduct | null> {
    return loadBy(ctx, OcopProduct, 'id', id);
  }

  @Query(() => OcopProductConnection, { description: 'OCOP-certified products of the province.' })
  async ocopProducts(@Args(() => OcopProductsArgs) args: OcopProductsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<OcopProduct>> {
    validatePage(args);
    if (args.stars != null && (args.stars < 3 || args.stars > 5)) throw badInput('stars', `OCOP ratings run from 3 to 5 stars, got ${args.stars}`);
    await checkUnitFilters(ctx.db.manager, args);
    const query = ctx.db.getRepository(OcopProduct).createQueryBuilder('o');
    if (args.listed != null) query.andWhere(`cardinality(o.nationalPlatforms) ${args.listed ? '>' : '='} 0`);
    if (args.platform != null) query.andWhere(':platform = ANY(o.nationalPlatforms)', { platform: args.platform });
    if (args.stars != null) query.andWhere('o.stars = :stars', { stars: args.stars });
    if (args.category != null) query.andWhere('o.category = :category', { category: args.category });
    if (args.districtCode != null) query.andWhere('o.districtCode = :districtCode', { districtCode: args.districtCode });
    if (args.communeCode != null) query.andWhere('o.communeCode = :communeCode', { communeCode: args.communeCode });
    const pattern = containsPattern(args.search);
    if (pattern) query.andWhere('(o.searchName LIKE :pattern)', { pattern });
    query.orderBy('o.id', 'ASC');
    return paginate(query, args);
  }

  @FieldResolver(() => Boolean, { description: 'Listed on Postmart.vn or Voso.vn.' })
  listed(@Root() product: OcopProduct): boolean {
    return product.nationalPlatforms.length > 0;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The producer, when it is a registered enterprise.' })
  async producer(@Root() product: OcopProduct, @Ctx() ctx: SubgraphContext): Promise<Enterprise | null> {
    return product.producerTaxCode ? loadBy(ctx, Enterprise, 'taxCode', product.producerTaxCode) : null;
  }

  @FieldResolver(() => [EcommerceProduct], { description: 'Its listings on travinhtrade.vn.' })
  async provincialListings(@Root() product: OcopProduct, @Ctx() ctx: SubgraphContext): Promise<EcommerceProduct[]> {
    if (!product.producerTaxCode) return [];
    const products = await productsOfEnterprise(ctx, product.producerTaxCode);
    return products.filter((listing) => listing.ocopProductId === product.id);
  }

  @FieldResolver(() => AdministrativeUnit)
  commune(@Root() product: OcopProduct): AdministrativeUnit {
    return unitStub(product.communeCode);
  }

  @FieldResolver(() => AdministrativeUnit)
  district(@Root() product: OcopProduct): AdministrativeUnit {
    return unitStub(product.districtCode);
  }
}
