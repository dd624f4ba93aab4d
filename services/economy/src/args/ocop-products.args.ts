import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { NationalPlatform, OcopCategory } from '../enums/ocop-product.enum';

@ArgsType()
export class OcopProductsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: listed on Postmart.vn or Voso.vn; false: on neither.' })
  listed?: boolean | null;

  @Field(() => NationalPlatform, { nullable: true, description: 'Listed on this platform.' })
  platform?: NationalPlatform | null;

  @Field(() => Int, { nullable: true, description: 'Star rating, 3 to 5.' })
  stars?: number | null;

  @Field(() => OcopCategory, { nullable: true })
  category?: OcopCategory | null;

  @Field(() => String, { nullable: true })
  districtCode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the product name, accents and case ignored.' })
  search?: string | null;
}
