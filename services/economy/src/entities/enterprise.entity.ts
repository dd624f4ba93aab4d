import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { EnterpriseSector, IctActivity, LegalForm } from '../enums/enterprise.enum';

/** An enterprise registered in the province, identified by its tax code (mã số thuế). */
@Entity({ name: 'enterprise' })
@ObjectType('Enterprise', { description: 'Doanh nghiệp: an enterprise or co-operative in the province, keyed by tax code.' })
@Directive('@key(fields: "taxCode")')
export class Enterprise {
  @PrimaryColumn({ type: 'text', name: 'tax_code' })
  @Field(() => String, { description: 'Mã số thuế: 10 digits (13 with a branch suffix "-NNN").' })
  taxCode!: string;

  @Column({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Column({ type: 'text', name: 'search_name' })
  searchName!: string;

  @Column({ type: 'text', name: 'legal_form' })
  @Field(() => LegalForm)
  legalForm!: LegalForm;

  @Column({ type: 'text' })
  @Field(() => EnterpriseSector)
  sector!: EnterpriseSector;

  @Column({ type: 'text', name: 'ict_activity', nullable: true })
  @Field(() => IctActivity, { nullable: true, description: 'Set for ICT enterprises only.' })
  ictActivity!: IctActivity | null;

  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String, { description: 'GSO code of the commune of the head office.' })
  communeCode!: string;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Column({ type: 'date', name: 'founded_on', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO date of first registration.' })
  foundedOn!: string | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  employees!: number | null;

  @Column({ type: 'date', name: 'platform_joined_on', nullable: true })
  @Field(() => String, { nullable: true, description: 'When it joined travinhtrade.vn; null when not on the provincial platform.' })
  platformJoinedOn!: string | null;

  @Column({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Generated: the plan gives only the count of enterprises.' })
  synthetic!: boolean;
}
