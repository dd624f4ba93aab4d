import { isoTimestamp } from '@ioc/kit';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { FeedbackCategory, FeedbackChannel, FeedbackStatus } from '../enums/feedback.enum';

/** Citizen feedback and petitions (phản ánh, kiến nghị). Personal data is stored and served masked. */
@Entity({ name: 'feedback' })
@ObjectType('Feedback', { description: 'Phản ánh, kiến nghị: citizen feedback received through the PAKN system.' })
export class Feedback {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  content!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => FeedbackCategory)
  category!: FeedbackCategory;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => FeedbackChannel)
  channel!: FeedbackChannel;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => FeedbackStatus)
  status!: FeedbackStatus;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => String, { description: 'Agency handling the feedback.' })
  agencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String)
  communeCode!: string;

  /** Personal data: served masked by the `citizenName` field resolver. */
  @Column({ type: 'text', name: 'citizen_name' })
  citizenName!: string;

  @Column({ type: 'text', name: 'citizen_phone', nullable: true })
  citizenPhone!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'received_at', transformer: isoTimestamp })
  @Field(() => String)
  receivedAt!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  answeredAt!: string | null;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
