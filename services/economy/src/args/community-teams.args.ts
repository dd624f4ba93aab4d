import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { CommunityTeamLevel } from '../enums/community-team.enum';

@ArgsType()
export class CommunityTeamFilterArgs extends PageArgs {
  @Field(() => CommunityTeamLevel, { nullable: true })
  level?: CommunityTeamLevel | null;

  @Field(() => String, { nullable: true, description: 'Part of the team (or hamlet) name, accents and case ignored.' })
  search?: string | null;
}

@ArgsType()
export class CommunityTeamsArgs extends CommunityTeamFilterArgs {
  @Field(() => String, { nullable: true, description: 'Teams in this district, at every level.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Teams of this commune and its hamlets.' })
  communeCode?: string | null;
}
