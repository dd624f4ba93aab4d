import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericNumber } from '../columns';

/**
 * A figure the plan gives only as a total (iOffice users, mobile-money accounts, ...), or that an
 * operator records later, per period. Every subgraph keeps its domains' figures in its own
 * schema (the kit's ReportedMeasurements migration) and exposes them with this one shareable type.
 */
@Entity({ name: 'reported_measurement' })
@ObjectType('ReportedMeasurement', { description: 'Số liệu báo cáo: a total reported for a period (not counted from rows), with its source.' })
@Directive('@shareable')
export class ReportedMeasurement {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Measurement code, e.g. "ioffice.users" or "payments.mobileMoneyAccounts".' })
  indicator!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Reporting period: "2022", "2023-Q1" or "2023-05".' })
  period!: string;

  /** The period's last day (ISO date): orders periods of different lengths ("2023" ends after "2023-Q3"). */
  @Column({ type: 'date', name: 'period_end' })
  periodEnd!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: "The plan's domain, e.g. DIGITAL_GOVERNMENT, SECURITY or DIGITAL_ECONOMY." })
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

  @Column({ type: 'numeric', transformer: numericNumber })
  @Field(() => Float)
  value!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'GT where the source says "more than" the value, APPROX where it says "about"; null when exact.' })
  qualifier!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: "Where it comes from: the plan's section, or the recording operator's reference." })
  source!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;

  @Column({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
