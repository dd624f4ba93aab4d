import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { bigintString, isoTimestamp } from '@ioc/kit';
import { SuppressionTarget } from '../enums/suppression.enum';

/** An analyst's mute: matching events inside the window are counted here instead of raised. */
@Entity({ name: 'suppression_rule' })
@ObjectType('SuppressionRule', {
  description: 'A muted Wazuh rule, Suricata signature or CVE, on one server or everywhere, for a window. Muted events are counted, not raised.',
})
export class SuppressionRule {
  @PrimaryColumn({ type: 'text', insert: false, update: false })
  @Field(() => String)
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false, transformer: bigintString })
  sequence!: string;

  @Column({ type: 'text' })
  @Field(() => SuppressionTarget)
  target!: SuppressionTarget;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The rule id, signature id or CVE id muted.' })
  value!: string;

  @Column({ type: 'text', name: 'server_id', nullable: true })
  @Field(() => String, { nullable: true, description: 'The server it applies to; null mutes it everywhere.' })
  serverId!: string | null;

  @Column({ type: 'timestamptz', name: 'starts_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'Start of the window (ISO 8601): events seen from then on are muted.' })
  startsAt!: string;

  @Column({ type: 'timestamptz', name: 'ends_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'End of the window (ISO 8601, exclusive): the rule expires on its own then.' })
  endsAt!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Why it is muted.' })
  reason!: string;

  @Column({ type: 'text', name: 'created_by' })
  @Field(() => String)
  createdBy!: string;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false, transformer: isoTimestamp })
  @Field(() => String)
  createdAt!: string;

  @Column({ type: 'timestamptz', name: 'lifted_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'When an analyst unmuted it before it expired.' })
  liftedAt!: string | null;

  @Column({ type: 'text', name: 'lifted_by', nullable: true })
  @Field(() => String, { nullable: true })
  liftedBy!: string | null;

  @Column({ type: 'integer', name: 'muted_count' })
  @Field(() => Int, { description: 'Events this rule muted.' })
  mutedCount!: number;

  @Column({ type: 'timestamptz', name: 'last_muted_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'When the last muted event was seen.' })
  lastMutedAt!: string | null;
}
