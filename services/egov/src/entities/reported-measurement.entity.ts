import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';
import { numericNumber } from '../support/columns';

/** A figure the plan gives only as a total (iOffice users, mailboxes, ...), with its source section. */
@Entity({ name: 'reported_measurement' })
@ObjectType('DigitalGovernmentMeasurement', { description: 'Số liệu báo cáo: a total the plan reports for e-government, not derivable from rows.' })
export class ReportedMeasurement {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'e.g. "ioffice.users".' })
  indicator!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Reporting period, e.g. "2022".' })
  period!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  domain!: string;

  @Column({ type: 'text', name: 'title_vi' })
  @Field(() => String)
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  @Field(() => String)
  titleEn!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  unit!: string;

  @Column({ type: 'numeric', transformer: numericNumber })
  @Field(() => Float)
  value!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'APPROX where the plan says "about".' })
  qualifier!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: "The plan's section." })
  source!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
