import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator, ReportedMeasurement } from '@ioc/kit';

@ObjectType('InfrastructureSummary', { description: 'Hạ tầng số: digital infrastructure at a glance, counted from the rows.' })
export class InfrastructureSummary {
  @Field(() => String)
  provinceCode!: string;

  @Field(() => Int, { description: 'Telecommunications service providers (cable-TV excluded).' })
  telecomOperators!: number;

  @Field(() => Int)
  cableTvOperators!: number;

  @Field(() => Int)
  btsStations!: number;

  @Field(() => Int, { description: 'BTS stations with LTE (4G).' })
  lteStations!: number;

  @Field(() => Float, { nullable: true, description: 'Share of BTS stations with LTE, in percent.' })
  lteShare!: number | null;

  @Field(() => Int, { description: 'BTS stations currently down.' })
  btsDown!: number;

  @Field(() => Int)
  communes!: number;

  @Field(() => Int, { description: 'Communes with at least one LTE station that is not down.' })
  communesWithLte!: number;

  @Field(() => Int, { description: 'Active servers of the data centre.' })
  servers!: number;

  @Field(() => Int)
  physicalServers!: number;

  @Field(() => Int)
  virtualServers!: number;

  @Field(() => Int, { description: 'Agencies connected to the specialised data network.' })
  agenciesConnected!: number;

  @Field(() => Int)
  securedLans!: number;

  @Field(() => Int)
  activeCertificates!: number;

  @Field(() => Int)
  postalPoints!: number;

  @Field(() => Int, { description: 'Rural communes (xã) with at least one postal service point.' })
  ruralCommunesWithPostalPoint!: number;

  @Field(() => Int)
  ruralCommunes!: number;

  @Field(() => [Indicator], { description: 'The 2023 targets of the INFRASTRUCTURE domain with live actuals.' })
  indicators!: Indicator[];

  @Field(() => [ReportedMeasurement], { description: 'Figures the plan gives only as totals.' })
  reportedMeasurements!: ReportedMeasurement[];
}
