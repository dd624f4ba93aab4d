import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's InformationSystem: this subgraph adds where the system is hosted. */
@ObjectType('InformationSystem')
@Directive('@key(fields: "id")')
export class InformationSystem {
  @Field(() => String)
  id!: string;
}
