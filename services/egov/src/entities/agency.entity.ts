import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { AgencyKind } from '../enums/agency.enum';

/** One of the 150 agencies of the plan. */
@Entity({ name: 'agency' })
@ObjectType('Agency', { description: 'Cơ quan: an agency at province, district or commune level.' })
@Directive('@key(fields: "id")')
export class Agency {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'Provincial code ("STTTT") or "ubnd-<GSO code>" for People\'s Committees.' })
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
  @Column({ type: 'text' })
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => AgencyKind)
  kind!: AgencyKind;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'unit_code' })
  @Field(() => String, { description: 'Administrative unit the agency belongs to (84 for provincial agencies).' })
  unitCode!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True where the plan does not name the agency and the record is generated.' })
  synthetic!: boolean;
}
