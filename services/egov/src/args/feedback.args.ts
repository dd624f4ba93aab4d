import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { FeedbackCategory, FeedbackChannel, FeedbackStatus, FeedbackSort } from '../enums/feedback.enum';

@ArgsType()
export class FeedbackArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  districtCode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => String, { nullable: true })
  agencyId?: string | null;

  @Field(() => FeedbackCategory, { nullable: true })
  category?: FeedbackCategory | null;

  @Field(() => FeedbackChannel, { nullable: true })
  channel?: FeedbackChannel | null;

  @Field(() => FeedbackStatus, { nullable: true })
  status?: FeedbackStatus | null;

  @Field(() => String, { nullable: true })
  receivedFrom?: string | null;

  @Field(() => String, { nullable: true })
  receivedTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in title and content.' })
  search?: string | null;

  @Field(() => FeedbackSort, { defaultValue: FeedbackSort.RECEIVED_AT_DESC })
  sort: FeedbackSort = FeedbackSort.RECEIVED_AT_DESC;
}
