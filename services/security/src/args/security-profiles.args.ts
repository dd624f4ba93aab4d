import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { GradingApprovalStatus } from '../enums/grading.enum';

@ArgsType()
export class SecurityProfilesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Security level 1–5 (approved or proposed).' })
  level?: number | null;

  @Field(() => GradingApprovalStatus, { nullable: true })
  approvalStatus?: GradingApprovalStatus | null;

  @Field(() => String, { nullable: true, description: 'Agency id of the system owner.' })
  ownerAgencyId?: string | null;

  @Field(() => Boolean, { nullable: true })
  inDataCentre?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: approved systems whose periodic inspection is overdue today.' })
  inspectionOverdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: all four layers in place; false: at least one missing.' })
  fourLayerComplete?: boolean | null;
}
