import { Directive, Field, ObjectType } from 'type-graphql';
import { User } from './user.type';

/** An entity with a multi-field key. */
@ObjectType('DeprecatedProduct')
@Directive('@key(fields: "sku package")')
export class DeprecatedProduct {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  package!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => User, { nullable: true })
  createdBy?: User | null;
}
