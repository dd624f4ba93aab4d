import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * The users subgraph owns User. This subgraph takes over `name` (`@override`) and computes
 * `averageProductsCreatedPerYear` from two fields that users resolves (`@requires`).
 * `@extends` is the directive form of the reference SDL's `extend type User`, which
 * type-graphql cannot emit: without it, the `@external` key field `email` would be unresolvable here.
 */
@ObjectType('User')
@Directive('@extends')
@Directive('@key(fields: "email")')
export class User {
  /** Resolved by UserResolver from the two `@external` fields the router fetches from users. */
  @Field(() => Int, { nullable: true })
  @Directive('@requires(fields: "totalProductsCreated yearsOfEmployment")')
  averageProductsCreatedPerYear?: number | null;

  @Field(() => ID)
  @Directive('@external')
  email!: string;

  @Field(() => String, { nullable: true })
  @Directive('@override(from: "users")')
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @Directive('@external')
  totalProductsCreated?: number | null;

  @Field(() => Int)
  @Directive('@external')
  yearsOfEmployment!: number;
}
