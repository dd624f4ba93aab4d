import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ProductVariation')
export class ProductVariation {
  @Field(() => ID)
  id!: string;
}
