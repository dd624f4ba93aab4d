import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';

/** A figure the plan gives only as an aggregate (or an operator records later), per period. */
@Entity({ name: 'reported_measurement' })
@ObjectType('EconomyMeasurement', { description: 'Số liệu báo cáo: a digital economy or society total reported for a period, with its source.' })
export class ReportedMeasurement {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Measurement code, e.g. "payments.mobileMoneyAccounts".' })
  indicator!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: '"2022", "2023-Q1" or "2023-05".' })
  period!: string;

  @Column({ type: 'date', name: 'period_end' })
  periodEnd!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'DIGITAL_ECONOMY or DIGITAL_SOCIETY.' })
  domain!: string;

  @Column({ type: 'text', name: 'title_vi' })
  @Field(() => String)
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  @Field(() => String)
  titleEn!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: '"count", "%", ...' })
  unit!: string;

  @Column({ type: 'double precision' })
  @Field(() => Float)
  value!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'GT when the source says "more than" the value, APPROX when "about".' })
  qualifier!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: "Where it comes from (the plan's section, or the recording operator's reference)." })
  source!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
