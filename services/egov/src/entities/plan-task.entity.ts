import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { DeadlineKind } from '../enums/plan.enum';

/** A task of Appendix II of the plan, with its lead and co-operating agencies and deadline. */
@Entity({ name: 'plan_task' })
@ObjectType('PlanTask', { description: 'Nhiệm vụ: a task of the plan (Appendix II).' })
export class PlanTask {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Number in the appendix, e.g. "VII.1.a".' })
  no!: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  seq!: number;

  @Column({ type: 'text', name: 'group_code' })
  @Field(() => String, { description: 'Task group I–IX (I digital awareness … IX digital society).' })
  groupCode!: string;

  @Column({ type: 'text', name: 'group_title_vi' })
  @Field(() => String)
  groupTitleVi!: string;

  @Column({ type: 'text', name: 'group_title_en' })
  @Field(() => String)
  groupTitleEn!: string;

  @Column({ type: 'text', name: 'title_vi' })
  @Field(() => String)
  titleVi!: string;

  @Column({ type: 'text', name: 'title_en' })
  @Field(() => String)
  titleEn!: string;

  @Column({ type: 'text', name: 'lead_agency_vi' })
  @Field(() => String, { description: 'Lead agency as the plan words it.' })
  leadAgencyVi!: string;

  @Column({ type: 'text', array: true, name: 'co_agencies_vi' })
  @Field(() => [String])
  coAgenciesVi!: string[];

  @Column({ type: 'text', array: true, name: 'lead_agency_ids' })
  @Field(() => [String], { description: 'Codes of named lead agencies (some are outside the 150, e.g. the police).' })
  leadAgencyIds!: string[];

  @Column({ type: 'text', array: true, name: 'co_agency_ids' })
  @Field(() => [String])
  coAgencyIds!: string[];

  @Column({ type: 'text', array: true, name: 'lead_scopes' })
  @Field(() => [String], { description: 'Groups named as lead, e.g. ALL_DISTRICT_PEOPLES_COMMITTEES.' })
  leadScopes!: string[];

  @Column({ type: 'text', array: true, name: 'co_scopes' })
  @Field(() => [String])
  coScopes!: string[];

  @Column({ type: 'text', name: 'deadline_vi' })
  @Field(() => String)
  deadlineVi!: string;

  @Column({ type: 'text', name: 'deadline_en' })
  @Field(() => String)
  deadlineEn!: string;

  @Column({ type: 'text', name: 'deadline_kind' })
  @Field(() => DeadlineKind)
  deadlineKind!: DeadlineKind;

  @Column({ type: 'text' })
  @Field(() => String)
  source!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;
}
