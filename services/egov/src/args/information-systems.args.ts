import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { SystemCategory } from '../enums/information-system.enum';

@ArgsType()
export class InformationSystemsArgs extends PageArgs {
  @Field(() => SystemCategory, { nullable: true })
  category?: SystemCategory | null;

  @Field(() => String, { nullable: true })
  ownerAgencyId?: string | null;

  @Field(() => Boolean, { nullable: true })
  inDataCentre?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  lgspConnected?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search on names and code.' })
  search?: string | null;
}
