import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { FundingType, AgencyRole } from '../enums/plan.enum';
import { DeadlineKind } from '../enums/plan.enum';

@ArgsType()
export class PlanTasksArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'Task group I–IX.' })
  groupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Tasks this agency leads or co-operates on (see role).' })
  agencyId?: string | null;

  @Field(() => AgencyRole, { defaultValue: AgencyRole.ANY })
  role: AgencyRole = AgencyRole.ANY;

  @Field(() => DeadlineKind, { nullable: true })
  deadlineKind?: DeadlineKind | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in the titles.' })
  search?: string | null;
}

@ArgsType()
export class PlanProjectsArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => FundingType, { nullable: true })
  fundingType?: FundingType | null;

  @Field(() => String, { nullable: true })
  leadAgencyId?: string | null;

  @Field(() => Boolean, { nullable: true })
  funded?: boolean | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}
