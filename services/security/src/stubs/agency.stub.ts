import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's Agency: this subgraph adds the systems it owns and their compliance. */
@ObjectType('Agency')
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => String)
  id!: string;
}
