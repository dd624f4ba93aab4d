import { Field, ObjectType } from 'type-graphql';
import { InternetDomain } from '../entities/internet-domain.entity';
import { Server } from '../entities/server.entity';
import { Ipv6Status } from '../enums/internet-domain.enum';

@ObjectType('SystemHosting', { description: 'Where an information system runs and how it is reached.' })
export class SystemHosting {
  @Field(() => [Server], { description: 'Active servers of the data centre serving the system.' })
  servers!: Server[];

  @Field(() => [InternetDomain])
  domains!: InternetDomain[];

  @Field(() => Ipv6Status, {
    nullable: true,
    description: 'COMPLETED when every domain is on IPv6, IN_PROGRESS when any is started, NOT_STARTED otherwise; null without domains.',
  })
  ipv6Status!: Ipv6Status | null;
}
