import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { ServiceProvision } from '../enums/online-service.enum';

export const provisionOf = (level: number): ServiceProvision =>
  level >= 4 ? ServiceProvision.FULL_PROCESS : level === 3 ? ServiceProvision.PARTIAL : ServiceProvision.INFORMATION;

/** An online public service (dịch vụ công trực tuyến): one procedure at one level of authority. */
@Entity({ name: 'online_service' })
@ObjectType('OnlineService', { description: 'Dịch vụ công trực tuyến: a procedure offered online at one level of authority.' })
export class OnlineService {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String)
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'procedure_id' })
  @Field(() => String)
  procedureId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Online service level 2, 3 or 4 (Decree 43/2011).' })
  level!: number;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'authority_level' })
  @Field(() => UnitLevel, { description: 'Level of the authority that decides the dossiers.' })
  authorityLevel!: UnitLevel;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'agency_id' })
  @Field(() => String, { description: 'Agency in charge of the service.' })
  agencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'boolean', name: 'national_portal' })
  @Field(() => Boolean, { description: 'Integrated with the National Public Service Portal.' })
  nationalPortal!: boolean;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
