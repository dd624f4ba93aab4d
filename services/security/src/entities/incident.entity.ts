import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { AlertSeverity } from '../enums/alert.enum';
import { IncidentStatus } from '../enums/incident.enum';
import { isoTimestamp } from '@ioc/kit';

/** A security incident (sự cố) grouping related alerts, with its legal reporting clock. */
@Entity({ name: 'incident' })
@ObjectType('Incident', { description: 'Sự cố an toàn thông tin: alerts grouped into one incident, to be reported within 5 days.' })
@Directive('@key(fields: "id")')
export class Incident {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  title!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => IncidentStatus)
  status!: IncidentStatus;

  @Column({ type: 'text', name: 'system_id', nullable: true })
  systemId!: string | null;

  @Column({ type: 'text', name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'detected_at', transformer: isoTimestamp })
  @Field(() => String)
  detectedAt!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'report_due_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'Detection + 5 days: the deadline to report to the competent authority.' })
  reportDueAt!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'reported_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  reportedAt!: string | null;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  closedAt!: string | null;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;

  @Column({ type: 'timestamptz', name: 'contained_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'When it was contained (status CONTAINED or closed).' })
  containedAt!: string | null;

  @Column({ type: 'timestamptz', name: 'contain_due_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'SLA: contain by then (detection + the severity\'s hours, fixed when opened); null for incidents recorded before the SLA policy.' })
  containDueAt!: string | null;

  @Column({ type: 'timestamptz', name: 'resolve_due_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true, description: 'SLA: close by then; null for incidents recorded before the SLA policy.' })
  resolveDueAt!: string | null;

  @Column({ type: 'text', name: 'created_by', nullable: true })
  @Field(() => String, { nullable: true, description: 'The analyst who opened it; null for seeded incidents.' })
  createdBy!: string | null;
}
