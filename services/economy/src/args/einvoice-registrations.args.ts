import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { TaxpayerKind } from '../enums/einvoice-registration.enum';

@ArgsType()
export class EInvoiceRegistrationsArgs extends PageArgs {
  @Field(() => TaxpayerKind, { nullable: true })
  taxpayerKind?: TaxpayerKind | null;

  @Field(() => String, { nullable: true })
  districtCode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered on or after this ISO date.' })
  registeredFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Registered on or before this ISO date.' })
  registeredTo?: string | null;
}
