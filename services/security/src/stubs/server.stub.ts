import { Directive, Field, ObjectType } from 'type-graphql';

/** Stub of infra's Server: this subgraph adds the alerts seen on it. */
@ObjectType('Server')
@Directive('@key(fields: "id")')
export class Server {
  @Field(() => String)
  id!: string;
}
