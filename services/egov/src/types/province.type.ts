import { Directive, Field, ObjectType } from 'type-graphql';

/** The province as the federated root of every domain's summary. */
@ObjectType('Province', { description: 'Tỉnh: the root that every domain extends with its summary.' })
@Directive('@key(fields: "code")')
export class Province {
  @Field(() => String, { description: 'GSO code, "84" for Trà Vinh.' })
  code!: string;

  @Field(() => String)
  name!: string;
}
