import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class MeasurementsArgs {
  @Field(() => String, { nullable: true, description: 'A measurement code, or a prefix ending in "." ("electricity." lists the electricity series).' })
  indicator?: string | null;

  @Field(() => String, { nullable: true, description: '"2022", "2023-Q1" or "2023-05".' })
  period?: string | null;

  @Field(() => String, { nullable: true, description: 'DIGITAL_ECONOMY or DIGITAL_SOCIETY.' })
  domain?: string | null;
}
