import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's AdministrativeUnit: this subgraph adds BTS stations, 4G coverage, fibre and postal points. */
@ObjectType('AdministrativeUnit')
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => String)
  code!: string;
}
