import { Directive, Field, Float, ObjectType } from 'type-graphql';

/** A value type that the inventory subgraph declares too, hence `@shareable`. */
@ObjectType('ProductDimension')
@Directive('@shareable')
export class ProductDimension {
  @Field(() => String, { nullable: true })
  size?: string | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;

  /** Queryable here, hidden from the supergraph's API schema. */
  @Field(() => String, { nullable: true })
  @Directive('@inaccessible')
  unit?: string | null;
}
