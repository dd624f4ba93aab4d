import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ProductDimension } from './product-dimension.type';
import { ProductResearch } from './product-research.type';
import { ProductVariation } from './product-variation.type';
import { User } from './user.type';

/**
 * Three keys (`@key` is repeatable), the composed custom directive `@custom`, and fields that
 * exercise `@provides` and `@tag`. `dimensions`, `createdBy` and `research` are resolved by
 * ProductResolver.
 */
@ObjectType('Product')
@Directive('@custom')
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku package")')
@Directive('@key(fields: "sku variation { id }")')
export class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  package?: string | null;

  @Field(() => ProductVariation, { nullable: true })
  variation?: ProductVariation | null;

  @Field(() => ProductDimension, { nullable: true })
  dimensions?: ProductDimension | null;

  /** This subgraph knows how many products its creator made: `@provides`. */
  @Field(() => User, { nullable: true })
  @Directive('@provides(fields: "totalProductsCreated")')
  createdBy?: User | null;

  @Field(() => String, { nullable: true })
  @Directive('@tag(name: "internal")')
  notes?: string | null;

  @Field(() => [ProductResearch])
  research!: ProductResearch[];
}
