import { Field, InputType, Int } from 'type-graphql';
import { ProductCategory } from '../enums/ecommerce-product.enum';

@InputType('ListProductOnPlatformInput', { description: 'A new listing on travinhtrade.vn by an enterprise already on the platform.' })
export class ListProductOnPlatformInput {
  @Field(() => String)
  enterpriseTaxCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ProductCategory, { description: 'OCOP requires ocopProductId.' })
  category!: ProductCategory;

  @Field(() => String, { nullable: true, description: 'The OCOP certificate of the product, when it has one.' })
  ocopProductId?: string | null;

  @Field(() => Int, { nullable: true })
  priceVnd?: number | null;

  @Field(() => String, { nullable: true })
  saleUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date; today when omitted. Not in the future.' })
  listedOn?: string | null;
}
