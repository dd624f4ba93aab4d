import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { ServerHealth, ServerKind, ServerSort, ServerStatus } from '../enums/server.enum';

@ArgsType()
export class ServersArgs extends PageArgs {
  @Field(() => ServerKind, { nullable: true })
  kind?: ServerKind | null;

  @Field(() => ServerStatus, { nullable: true, defaultValue: ServerStatus.ACTIVE, description: 'ACTIVE by default; null for all.' })
  status?: ServerStatus | null = ServerStatus.ACTIVE;

  @Field(() => ServerHealth, { nullable: true })
  health?: ServerHealth | null;

  @Field(() => String, { nullable: true, description: 'Virtual machines on this physical host.' })
  hostId?: string | null;

  @Field(() => String, { nullable: true, description: 'Servers hosting this information system.' })
  systemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in id, hostname and hosted systems.' })
  search?: string | null;

  @Field(() => ServerSort, { defaultValue: ServerSort.ID_ASC })
  sort: ServerSort = ServerSort.ID_ASC;
}

@ArgsType()
export class ServersAddedByIngestArgs extends PageArgs {
  @Field(() => ServerStatus, { nullable: true, defaultValue: ServerStatus.ACTIVE, description: 'ACTIVE by default (what a feed has left in service); null for all.' })
  status?: ServerStatus | null = ServerStatus.ACTIVE;
}
