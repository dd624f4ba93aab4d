import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { bigintString, isoTimestamp } from '@ioc/kit';

/** An analyst's note on an alert. */
@Entity({ name: 'alert_comment' })
@ObjectType('AlertComment', { description: 'An analyst\'s comment on an alert.' })
export class AlertComment {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false, transformer: bigintString })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text', name: 'alert_id' })
  alertId!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  author!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  body!: string;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false, transformer: isoTimestamp })
  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  createdAt!: string;
}
