import { numericNumber } from '@ioc/kit';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FundingType } from '../enums/plan.enum';

/** A project of Appendix I (2022, with its spend) or Appendix III (2023, with its budget). */
@Entity({ name: 'plan_project' })
@ObjectType('PlanProject', { description: 'Dự án: a digital-transformation project of 2022 (Appendix I) or 2023 (Appendix III).' })
export class PlanProject {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'integer' })
  @Field(() => Int)
  no!: number;

  @Column({ type: 'text', name: 'title_vi' })
  @Field(() => String)
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  @Field(() => String)
  titleEn!: string;

  @Column({ type: 'text', name: 'lead_agency_id' })
  @Field(() => String)
  leadAgencyId!: string;

  @Column({ type: 'text', name: 'lead_agency_vi' })
  @Field(() => String)
  leadAgencyVi!: string;

  @Column({ type: 'text', name: 'period_vi' })
  @Field(() => String, { description: 'Project period, e.g. "2021-2023".' })
  periodVi!: string;

  @Column({ type: 'numeric', name: 'total_million_vnd', transformer: numericNumber })
  @Field(() => Float, { description: 'Total project cost, million VND.' })
  totalMillionVnd!: number;

  @Column({ type: 'numeric', name: 'amount_million_vnd', transformer: numericNumber })
  @Field(() => Float, { description: "The year's money, million VND: the 2023 budget or the 2022 spend." })
  amountMillionVnd!: number;

  @Column({ type: 'text', name: 'funding_type', nullable: true })
  @Field(() => FundingType, { nullable: true, description: 'Given for 2023 projects.' })
  fundingType!: FundingType | null;

  @Column({ type: 'text', name: 'funding_source_vi', nullable: true })
  @Field(() => String, { nullable: true })
  fundingSourceVi!: string | null;

  @Column({ type: 'text', name: 'new_or_continuing_vi', nullable: true })
  @Field(() => String, { nullable: true })
  newOrContinuingVi!: string | null;

  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: '2023: whether the money has been allocated.' })
  funded!: boolean | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column({ type: 'text' })
  @Field(() => String)
  source!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;
}
