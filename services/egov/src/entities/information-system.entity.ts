import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { SystemCategory } from '../enums/information-system.enum';

/** One of the 47 systems of the provincial catalogue. */
@Entity({ name: 'information_system' })
@ObjectType('InformationSystem', { description: 'Hệ thống thông tin: a system of the provincial catalogue.' })
@Directive('@key(fields: "id")')
export class InformationSystem {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Catalogue code, e.g. "ioffice", "lgsp".' })
  id!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'name_vi' })
  @Field(() => String)
  nameVi!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'name_en' })
  @Field(() => String)
  nameEn!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'owner_agency_id' })
  @Field(() => String)
  ownerAgencyId!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => SystemCategory)
  category!: SystemCategory;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'boolean', name: 'in_data_centre' })
  @Field(() => Boolean, { description: 'Runs in the provincial data centre.' })
  inDataCentre!: boolean;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'boolean', name: 'lgsp_connected' })
  @Field(() => Boolean, { description: 'Connected to the provincial integration platform (LGSP) in 2022.' })
  lgspConnected!: boolean;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  url!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: "Where the plan mentions the system." })
  source!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
