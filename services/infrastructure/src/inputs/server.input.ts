import { Field, InputType, Int } from 'type-graphql';
import { ServerKind } from '../enums/server.enum';

@InputType('AddServerInput', { description: 'A server put into service; its id is assigned (next host-NN or vm-NNN).' })
export class AddServerInput {
  @Field(() => ServerKind)
  kind!: ServerKind;

  @Field(() => String, { nullable: true, description: 'Physical host of a virtual machine (required for VIRTUAL, not allowed for PHYSICAL).' })
  hostId?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to "<id>.dc.travinh.gov.vn".' })
  hostname?: string | null;

  @Field(() => Int)
  cpuCores!: number;

  @Field(() => Int)
  memoryGb!: number;

  @Field(() => Int)
  diskGb!: number;

  @Field(() => String)
  ipv4!: string;

  @Field(() => String, { nullable: true })
  ipv6?: string | null;

  @Field(() => [String], { nullable: true, description: 'Information systems (ids) the server will host.' })
  systemIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Marks a generated server (the demo feed, a load test) as synthetic; default false. An `ingest` caller must set it, and may retire only synthetic servers an `ingest` caller added.",
  })
  synthetic?: boolean | null;
}
