import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's InformationSystem: this subgraph adds its security profile and open alerts. */
@ObjectType('InformationSystem')
@Directive('@key(fields: "id")')
export class InformationSystem {
  @Field(() => String)
  id!: string;
}
