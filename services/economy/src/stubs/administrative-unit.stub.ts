import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of egov's AdministrativeUnit: this subgraph adds enterprises, community teams and counts. */
@ObjectType('AdministrativeUnit')
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => String)
  code!: string;
}

export const unitStub = (code: string): AdministrativeUnit => ({ code });
