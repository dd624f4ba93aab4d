import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { GradingApprovalStatus } from '../enums/grading.enum';

/** The security grading and protection of one information system (hồ sơ cấp độ, mô hình 4 lớp). */
@Entity({ name: 'security_profile' })
@ObjectType('SecurityProfile', {
  description: 'Security profile of an information system: its level under Decree 85/2016, approval, inspections and the four layers of Directive 14.',
})
export class SecurityProfile {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text', name: 'system_id' })
  @Field(() => String, { description: 'Id of the information system (InformationSystem.id).' })
  systemId!: string;

  @Column({ type: 'text', name: 'owner_agency_id' })
  ownerAgencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'boolean', name: 'in_data_centre' })
  @Field(() => Boolean, { description: 'Hosted in the provincial data centre (the 2023 four-layer target covers these).' })
  inDataCentre!: boolean;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Security level 1–5: approved, or proposed while PENDING; null when not submitted.' })
  level!: number | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'approval_status' })
  @Field(() => GradingApprovalStatus)
  approvalStatus!: GradingApprovalStatus;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'date', name: 'approved_date', nullable: true })
  @Field(() => String, { nullable: true, description: 'Date the level was approved (ISO date).' })
  approvedDate!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'decision_number', nullable: true })
  @Field(() => String, { nullable: true, description: 'Number of the approval decision.' })
  decisionNumber!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'date', name: 'last_inspection', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last periodic inspection and assessment (ISO date).' })
  lastInspection!: string | null;

  @Column({ type: 'boolean', name: 'on_site_force' })
  onSiteForce!: boolean;

  @Column({ type: 'boolean', name: 'professional_monitoring' })
  professionalMonitoring!: boolean;

  @Column({ type: 'boolean', name: 'independent_inspection' })
  independentInspection!: boolean;

  @Column({ type: 'boolean', name: 'ncsc_connected' })
  ncscConnected!: boolean;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True when generated (the plan gives only the count of graded systems).' })
  synthetic!: boolean;
}
