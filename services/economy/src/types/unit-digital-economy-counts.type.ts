import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('UnitDigitalEconomyCounts', { description: 'Digital economy and society counts within one province, district or commune.' })
export class UnitDigitalEconomyCounts {
  @Field(() => Int, { description: 'ICT enterprises with their head office in the unit.' })
  ictEnterprises!: number;

  @Field(() => Int, { description: 'Enterprises on travinhtrade.vn.' })
  platformEnterprises!: number;

  @Field(() => Int, { description: 'Products those enterprises list on travinhtrade.vn.' })
  platformProducts!: number;

  @Field(() => Int)
  ocopProducts!: number;

  @Field(() => Int, { description: 'OCOP products listed on Postmart.vn or Voso.vn.' })
  ocopProductsListed!: number;

  @Field(() => Int, { description: 'Tax codes registered for e-invoices.' })
  eInvoiceTaxCodes!: number;

  @Field(() => Int, { description: 'Community digital technology teams at any level within the unit.' })
  communityTeams!: number;

  @Field(() => Int)
  communityTeamMembers!: number;

  @Field(() => Float, { nullable: true, description: 'Members per 1 team, for comparing districts.' })
  membersPerTeam!: number | null;
}
