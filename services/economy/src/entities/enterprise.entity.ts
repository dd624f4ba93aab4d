import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EnterpriseSector {
  ICT = 'ICT',
  AGRICULTURE = 'AGRICULTURE',
  AQUACULTURE = 'AQUACULTURE',
  FOOD_PROCESSING = 'FOOD_PROCESSING',
  HANDICRAFT = 'HANDICRAFT',
  TRADE_SERVICES = 'TRADE_SERVICES',
}
registerEnumType(EnterpriseSector, {
  name: 'EnterpriseSector',
  description: 'Main line of business. ICT: công nghệ thông tin (the plan counts 115 such enterprises).',
});

export enum IctActivity {
  HARDWARE = 'HARDWARE',
  SOFTWARE = 'SOFTWARE',
  IT_SERVICES = 'IT_SERVICES',
  DIGITAL_CONTENT = 'DIGITAL_CONTENT',
}
registerEnumType(IctActivity, { name: 'IctActivity', description: 'What an ICT enterprise mainly does (hardware trade, software, IT services, digital content).' });

export enum LegalForm {
  LIMITED_LIABILITY = 'LIMITED_LIABILITY',
  SINGLE_MEMBER_LIMITED_LIABILITY = 'SINGLE_MEMBER_LIMITED_LIABILITY',
  JOINT_STOCK = 'JOINT_STOCK',
  PRIVATE_ENTERPRISE = 'PRIVATE_ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
}
registerEnumType(LegalForm, {
  name: 'EnterpriseLegalForm',
  description: 'Công ty TNHH, Công ty TNHH MTV, Công ty cổ phần, Doanh nghiệp tư nhân, Hợp tác xã.',
});

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
