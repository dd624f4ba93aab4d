import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { PostalPointKind } from '../enums/postal-point.enum';

@ArgsType()
export class ScopedPostalPointsArgs extends PageArgs {
  @Field(() => PostalPointKind, { nullable: true })
  kind?: PostalPointKind | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in name, enterprise and commune.' })
  search?: string | null;
}

@ArgsType()
export class PostalPointsArgs extends ScopedPostalPointsArgs {
  @Field(() => String, { nullable: true })
  districtCode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;
}
