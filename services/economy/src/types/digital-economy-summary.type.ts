import { Field, Int, ObjectType } from 'type-graphql';
import { Indicator } from '@ioc/kit';

@ObjectType('DigitalEconomySummary', { description: 'Kinh tế số: the digital economy at a glance.' })
export class DigitalEconomySummary {
  @Field(() => String)
  provinceCode!: string;

  @Field(() => Int, { description: 'ICT enterprises (counted from rows; 115 in 2022).' })
  ictEnterprises!: number;

  @Field(() => Int, { description: 'Enterprises on the provincial e-commerce platform travinhtrade.vn (counted).' })
  platformEnterprises!: number;

  @Field(() => Int, { description: 'Products listed on travinhtrade.vn (counted).' })
  platformProducts!: number;

  @Field(() => Int, { description: 'OCOP-certified products (counted).' })
  ocopProducts!: number;

  @Field(() => Int, { description: 'OCOP products listed on Postmart.vn or Voso.vn (counted).' })
  ocopProductsListed!: number;

  @Field(() => Int, { description: 'Tax codes registered for e-invoices (counted).' })
  eInvoiceTaxCodes!: number;

  @Field(() => Int, { nullable: true, description: 'Farm households selling on e-commerce platforms (latest reported measurement).' })
  farmHouseholdsOnEcommerce!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of which on Postmart.vn (reported).' })
  farmHouseholdsOnPostmart!: number | null;

  @Field(() => Int, { nullable: true, description: 'Farm households on Voso.vn (reported; they overlap with Postmart).' })
  farmHouseholdsOnVoso!: number | null;

  @Field(() => Int, { nullable: true, description: 'Farm products promoted on those platforms (reported).' })
  farmProductsOnEcommerce!: number | null;

  @Field(() => [Indicator], { description: 'The 2023 DIGITAL_ECONOMY targets with live actuals.' })
  indicators!: Indicator[];
}
