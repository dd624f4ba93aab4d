import { Field, InputType } from 'type-graphql';
import { FeedbackCategory, FeedbackChannel } from '../enums/feedback.enum';

@InputType('ReceiveFeedbackInput', { description: 'Citizen feedback received by the PAKN system.' })
export class ReceiveFeedbackInput {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  content!: string;

  @Field(() => FeedbackCategory)
  category!: FeedbackCategory;

  @Field(() => FeedbackChannel)
  channel!: FeedbackChannel;

  @Field(() => String, { description: 'Commune the feedback is about.' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: "Handling agency; default the commune's People's Committee." })
  agencyId?: string | null;

  @Field(() => String, { description: 'Stored, served masked.' })
  citizenName!: string;

  @Field(() => String, { nullable: true, description: 'Stored, served masked.' })
  citizenPhone?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Marks a generated record (a demo feed, a load test) as synthetic, like the seeds' generated ones; default false." })
  synthetic?: boolean | null;
}
