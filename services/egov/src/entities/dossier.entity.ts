import { isoTimestamp } from '@ioc/kit';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DossierChannel, DossierStatus } from '../enums/dossier.enum';

/** One administrative-procedure dossier (hồ sơ) received through the public-service portal. */
@Entity({ name: 'dossier' })
@ObjectType('Dossier', { description: 'Hồ sơ thủ tục hành chính: one dossier, from receipt to resolution.' })
export class Dossier {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'service_id' })
  @Field(() => String)
  serviceId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'procedure_id' })
  @Field(() => String)
  procedureId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'smallint', name: 'service_level' })
  @Field(() => Int, { description: 'Level of the online service the dossier was received under.' })
  serviceLevel!: number;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => String, { description: 'Agency handling the dossier.' })
  agencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String, { description: "Commune of the applicant's address." })
  communeCode!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => DossierChannel)
  channel!: DossierChannel;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => DossierStatus)
  status!: DossierStatus;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'received_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'ISO 8601 timestamp.' })
  receivedAt!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'due_at', transformer: isoTimestamp })
  @Field(() => String, { description: 'Statutory deadline (ISO 8601).' })
  dueAt!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true, transformer: isoTimestamp })
  @Field(() => String, { nullable: true })
  resolvedAt!: string | null;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
