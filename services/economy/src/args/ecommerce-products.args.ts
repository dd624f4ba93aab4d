import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { ProductCategory, EcommerceProductOrder } from '../enums/ecommerce-product.enum';

@ArgsType()
export class EcommerceProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only products of this enterprise.' })
  enterpriseTaxCode?: string | null;

  @Field(() => ProductCategory, { nullable: true })
  category?: ProductCategory | null;

  @Field(() => Boolean, { nullable: true, description: 'true: OCOP-certified products only; false: the others.' })
  ocop?: boolean | null;

  @Field(() => String, { nullable: true, description: 'District of the listing enterprise.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the product name, accents and case ignored.' })
  search?: string | null;

  @Field(() => EcommerceProductOrder, { defaultValue: EcommerceProductOrder.NAME })
  orderBy: EcommerceProductOrder = EcommerceProductOrder.NAME;
}
