import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's Agency: this subgraph adds the specialised network link, LAN security and certificates. */
@ObjectType('Agency')
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => String)
  id!: string;
}
