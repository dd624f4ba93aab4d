import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { BtsStationSort, BtsStatus, RadioTechnology } from '../enums/bts-station.enum';

/** Filters of an operator's stations. */
@ArgsType()
export class BtsStationFilterArgs extends PageArgs {
  @Field(() => BtsStatus, { nullable: true })
  status?: BtsStatus | null;

  @Field(() => RadioTechnology, { nullable: true, description: 'Stations offering this technology (among others).' })
  technology?: RadioTechnology | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in station name, id, operator, commune and district.' })
  search?: string | null;

  @Field(() => BtsStationSort, { defaultValue: BtsStationSort.ID_ASC })
  sort: BtsStationSort = BtsStationSort.ID_ASC;
}

/** Filters of the stations of one administrative unit. */
@ArgsType()
export class ScopedBtsStationsArgs extends BtsStationFilterArgs {
  @Field(() => String, { nullable: true, description: 'TelecomOperator id, e.g. "viettel".' })
  operatorId?: string | null;
}

@ArgsType()
export class BtsStationsArgs extends ScopedBtsStationsArgs {
  @Field(() => String, { nullable: true, description: 'GSO code of a district: the stations of all its communes.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GSO code of a commune.' })
  communeCode?: string | null;
}
