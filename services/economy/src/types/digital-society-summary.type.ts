import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator } from '@ioc/kit';

@ObjectType('DigitalSocietySummary', { description: 'Xã hội số: the digital society at a glance.' })
export class DigitalSocietySummary {
  @Field(() => String)
  provinceCode!: string;

  @Field(() => Int, { description: 'Community digital technology teams (counted; 732 in 2022).' })
  communityTeams!: number;

  @Field(() => Int, { description: 'Members of those teams (summed over teams; 3,842 in 2022).' })
  communityTeamMembers!: number;

  @Field(() => Float, { nullable: true, description: '% of district- and commune-level units with a team of their own (computed).' })
  unitsWithTeamsShare!: number | null;

  @Field(() => Int, { nullable: true, description: 'People aged 15+ with an active payment account (reported).' })
  paymentAccountHolders!: number | null;

  @Field(() => Int, { nullable: true, description: 'Mobile Money accounts (reported).' })
  mobileMoneyAccounts!: number | null;

  @Field(() => Int, { nullable: true, description: 'Electricity customers (reported).' })
  electricityCustomers!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of which paying cashless (reported).' })
  electricityCashlessCustomers!: number | null;

  @Field(() => Float, { nullable: true, description: '% of electricity customers paying cashless (reported).' })
  electricityCashlessShare!: number | null;

  @Field(() => Float, { nullable: true, description: '% of residents using the Internet (reported as "more than").' })
  internetUsersShare!: number | null;

  @Field(() => Float, { nullable: true, description: '% of the population with a smartphone (reported as "more than").' })
  smartphoneShare!: number | null;

  @Field(() => Float, { nullable: true, description: '% of households with fibre broadband (reported).' })
  fibreHouseholdsShare!: number | null;

  @Field(() => [Indicator], { description: 'The 2023 DIGITAL_SOCIETY targets with live actuals.' })
  indicators!: Indicator[];
}
