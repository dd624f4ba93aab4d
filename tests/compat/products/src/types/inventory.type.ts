import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DeprecatedProduct } from './deprecated-product.type';

/** The inventory subgraph's `Inventory` interface, seen here as an object type (`@interfaceObject`). */
@ObjectType('Inventory')
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
export class Inventory {
  @Field(() => ID)
  id!: string;

  @Field(() => [DeprecatedProduct])
  deprecatedProducts!: DeprecatedProduct[];
}
