import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ObjectType } from 'type-graphql';
import { UnitLevel } from '../enums/administrative-unit.enum';

/** A province, district-level or commune-level unit, as published by the General Statistics Office. */
@Entity({ name: 'administrative_unit' })
@ObjectType('AdministrativeUnit', { description: 'Đơn vị hành chính: a province, district or commune, valid over a period.' })
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Directive('@tag(name: "agency")')
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'GSO code (84 for Trà Vinh).' })
  code!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text', name: 'name_with_type' })
  @Field(() => String, { description: 'Name with its kind, e.g. "Huyện Càng Long".' })
  nameWithType!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => UnitLevel)
  level!: UnitLevel;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'text' })
  @Field(() => String, { description: 'GSO kind: tinh, thanh-pho, thi-xa, huyen, phuong, thi-tran, xa.' })
  kind!: string;

  @Directive('@tag(name: "agency")')
  @Index()
  @Column({ type: 'text', name: 'parent_code', nullable: true })
  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  /** Accent-folded lowercase name, so "tra vinh" finds "Trà Vinh". */
  @Index()
  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'date', name: 'valid_from' })
  @Field(() => String, { description: 'First day the unit exists in this form (ISO date).' })
  validFrom!: string;

  @Directive('@tag(name: "agency")')
  @Column({ type: 'date', name: 'valid_to', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last day of validity; null while current.' })
  validTo!: string | null;
}
