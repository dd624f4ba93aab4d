import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { bigintString, isoTimestamp } from '@ioc/kit';
import { AlertStatus } from '../enums/alert.enum';

/** One recorded step of an alert's triage: a status change, an assignment, or both. */
@Entity({ name: 'alert_transition' })
@ObjectType('AlertTransition', { description: 'A recorded triage step of an alert: who moved it from which status to which, and who it was assigned to.' })
export class AlertTransition {
  @PrimaryColumn({ type: 'bigint', insert: false, update: false, transformer: bigintString })
  @Field(() => String)
  id!: string;

  @Column({ type: 'text', name: 'alert_id' })
  alertId!: string;

  @Column({ type: 'text', name: 'from_status' })
  @Field(() => AlertStatus)
  fromStatus!: AlertStatus;

  @Column({ type: 'text', name: 'to_status' })
  @Field(() => AlertStatus, { description: 'Equal to fromStatus for an assignment alone.' })
  toStatus!: AlertStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Assignee after the step.' })
  assignee!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Who made the change (the caller\'s subject).' })
  actor!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why (required when reopening).' })
  note!: string | null;

  @Column({ type: 'timestamptz', transformer: isoTimestamp })
  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  at!: string;
}
