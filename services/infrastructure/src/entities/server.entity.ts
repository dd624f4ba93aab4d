import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { ServerHealth, ServerKind, ServerStatus } from '../enums/server.enum';

@Entity({ name: 'server' })
@ObjectType('Server', { description: 'Máy chủ: a physical host or virtual machine of the provincial data centre.' })
@Directive('@key(fields: "id")')
export class Server {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: '"host-01".."host-31" for physical hosts, "vm-001".. for virtual machines.' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => ServerKind)
  kind!: ServerKind;

  @Column({ type: 'text' })
  @Field(() => String)
  hostname!: string;

  @Column({ type: 'text', name: 'host_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'The physical host a virtual machine runs on.' })
  hostId!: string | null;

  @Column({ type: 'integer', name: 'cpu_cores' })
  @Field(() => Int, { description: 'Physical cores (hosts) or vCPUs (virtual machines).' })
  cpuCores!: number;

  @Column({ type: 'integer', name: 'memory_gb' })
  @Field(() => Int)
  memoryGb!: number;

  @Column({ type: 'integer', name: 'disk_gb' })
  @Field(() => Int)
  diskGb!: number;

  @Column({ type: 'text' })
  @Field(() => String)
  ipv4!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Null until the server is moved to IPv6.' })
  ipv6!: string | null;

  @Column({ type: 'text' })
  @Field(() => ServerHealth)
  health!: ServerHealth;

  @Column({ type: 'timestamptz', name: 'health_changed_at' })
  @Field(() => GraphQLISODateTime)
  healthChangedAt!: Date;

  @Column({ type: 'text' })
  @Field(() => ServerStatus)
  status!: ServerStatus;

  @Column({ type: 'date', name: 'commissioned_on' })
  @Field(() => String)
  commissionedOn!: string;

  @Column({ type: 'timestamptz', name: 'retired_at', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true })
  retiredAt!: Date | null;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Generated: the plan gives only the counts of servers.' })
  synthetic!: boolean;
}
