import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ObjectType } from 'type-graphql';

/** A figure the plan gives only as a total (no rows can count it). */
@Entity({ name: 'reported_measurement' })
@ObjectType('InfrastructureMeasurement', { description: 'A figure of the infrastructure domain that the plan reports only as a total.' })
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
  @Field(() => String, { nullable: true, description: '"GT" where the plan says "more than".' })
  qualifier!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Section of the plan.' })
  source!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
