import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';

/** A security figure the plan gives only as a total (not a count of rows held here). */
@Entity({ name: 'reported_measurement' })
@ObjectType('SecurityReportedMeasurement', { description: 'A security figure the plan reports only as a total, with its source section.' })
export class ReportedMeasurement {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  indicator!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  period!: string;

  @Column({ type: 'text' })
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

  @Column({ type: 'double precision' })
  @Field(() => Float)
  value!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'GT, APPROX, ... when the plan qualifies the value ("over 74%").' })
  qualifier!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Section of the plan.' })
  source!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
