import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Ipv6Status } from '../enums/internet-domain.enum';

@Entity({ name: 'internet_domain' })
@ObjectType('InternetDomain', { description: 'Tên miền: a domain name a system is served on, with its IPv6 migration.' })
export class InternetDomain {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'system_id' })
  @Field(() => String)
  systemId!: string;

  @Column({ type: 'text', name: 'ipv6_status' })
  @Field(() => Ipv6Status)
  ipv6Status!: Ipv6Status;

  @Column({ type: 'text', name: 'ipv6_plan', nullable: true })
  @Field(() => String, { nullable: true, description: 'The plan the migration follows, e.g. "46/KH-UBND".' })
  ipv6Plan!: string | null;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
