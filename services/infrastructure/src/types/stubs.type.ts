import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's AdministrativeUnit: this subgraph adds BTS stations, 4G coverage, fibre and postal points. */
@ObjectType('AdministrativeUnit')
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => String)
  code!: string;
}

/** Stub of egov's Agency: this subgraph adds the specialised network link, LAN security and certificates. */
@ObjectType('Agency')
@Directive('@key(fields: "id")')
export class Agency {
  @Field(() => String)
  id!: string;
}

/** Stub of egov's InformationSystem: this subgraph adds where the system is hosted. */
@ObjectType('InformationSystem')
@Directive('@key(fields: "id")')
export class InformationSystem {
  @Field(() => String)
  id!: string;
}
