import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { bigintString, isoTimestamp } from '@ioc/kit';
import { WebhookDeliveryStatus, WebhookEvent } from '../enums/webhook.enum';

/** One notification to one receiver: the outbox row the delivery worker works through. */
@Entity({ name: 'webhook_delivery' })
@ObjectType('WebhookDelivery', { description: 'An outbound webhook notification to one receiver, with its attempts.' })
export class WebhookDelivery {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false, transformer: bigintString })
  @Field(() => String, { description: 'Also sent as X-IOC-Delivery: receivers may see a delivery twice and drop the repeat by it.' })
  id!: string;

  @Column({ type: 'text' })
  @Field(() => WebhookEvent)
  event!: WebhookEvent;

  @Column({ type: 'text', name: 'subject_id' })
  @Field(() => String, { description: 'The alert or incident it is about.' })
  subjectId!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The receiver.' })
  url!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text' })
  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer' })
  @Field(() => Int)
  attempts!: number;

  @Column({ type: 'timestamptz', name: 'next_attempt_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'When a PENDING delivery is tried next.' })
  nextAttemptAt!: string;

  @Column({ type: 'integer', name: 'last_status', nullable: true })
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got no answer.' })
  lastStatus!: number | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false, transformer: isoTimestamp })
  @Field(() => String)
  createdAt!: string;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  deliveredAt!: string | null;
}
