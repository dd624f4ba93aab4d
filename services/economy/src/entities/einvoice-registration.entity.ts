import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { TaxpayerKind } from '../enums/einvoice-registration.enum';

/** One tax code registered to issue e-invoices (Decree 123/2020/NĐ-CP); the plan reports 3,768. */
@Entity({ name: 'einvoice_registration' })
@ObjectType('EInvoiceRegistration', { description: 'Đăng ký hóa đơn điện tử: a tax code registered to issue e-invoices.' })
export class EInvoiceRegistration {
  @PrimaryColumn({ type: 'text', name: 'tax_code' })
  @Field(() => String)
  taxCode!: string;

  @Column({ type: 'text', name: 'taxpayer_kind' })
  @Field(() => TaxpayerKind)
  taxpayerKind!: TaxpayerKind;

  @Column({ type: 'text', name: 'commune_code' })
  @Field(() => String)
  communeCode!: string;

  @Column({ type: 'text', name: 'district_code' })
  @Field(() => String)
  districtCode!: string;

  @Column({ type: 'date', name: 'registered_on' })
  @Field(() => String, { description: 'ISO date the registration was accepted.' })
  registeredOn!: string;

  @Column({ type: 'boolean' })
  @Field(() => Boolean)
  synthetic!: boolean;
}
