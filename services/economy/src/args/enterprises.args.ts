import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { EnterpriseSector, IctActivity, EnterpriseOrder } from '../enums/enterprise.enum';

/** Filters that make sense both province-wide and inside one administrative unit. */
@ArgsType()
export class EnterpriseFilterArgs extends PageArgs {
  @Field(() => EnterpriseSector, { nullable: true })
  sector?: EnterpriseSector | null;

  @Field(() => IctActivity, { nullable: true })
  ictActivity?: IctActivity | null;

  @Field(() => Boolean, { nullable: true, description: 'true: on travinhtrade.vn; false: not on it.' })
  onProvincialPlatform?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, accents and case ignored ("tin hoc" finds "Tin học"), or the start of a tax code.' })
  search?: string | null;

  @Field(() => EnterpriseOrder, { defaultValue: EnterpriseOrder.NAME })
  orderBy: EnterpriseOrder = EnterpriseOrder.NAME;
}

@ArgsType()
export class EnterprisesArgs extends EnterpriseFilterArgs {
  @Field(() => String, { nullable: true, description: 'GSO code of a commune-level unit.' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GSO code of a district-level unit.' })
  districtCode?: string | null;
}
