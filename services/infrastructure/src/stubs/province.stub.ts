import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's Province: this subgraph contributes `infrastructure`. */
@ObjectType('Province')
@Directive('@key(fields: "code")')
export class Province {
  @Field(() => String)
  code!: string;
}
