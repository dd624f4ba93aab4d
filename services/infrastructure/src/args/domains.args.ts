import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { Ipv6Status } from '../enums/internet-domain.enum';

@ArgsType()
export class InternetDomainsArgs extends PageArgs {
  @Field(() => Ipv6Status, { nullable: true })
  ipv6Status?: Ipv6Status | null;

  @Field(() => String, { nullable: true })
  systemId?: string | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}
