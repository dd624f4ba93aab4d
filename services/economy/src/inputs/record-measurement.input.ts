import { Field, Float, InputType } from 'type-graphql';

@InputType('RecordMeasurementInput', {
  description:
    'A reported figure for a period. A known series (or an indicator code) needs only indicator, period, value and source; a new series also needs domain, unit and both titles.',
})
export class RecordMeasurementInput {
  @Field(() => String)
  indicator!: string;

  @Field(() => String, { description: '"2023", "2023-Q1" or "2023-05".' })
  period!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { description: 'Reference of the report the figure comes from.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'GT ("more than") or APPROX ("about").' })
  qualifier?: string | null;

  @Field(() => String, { nullable: true, description: 'DIGITAL_ECONOMY or DIGITAL_SOCIETY.' })
  domain?: string | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  titleVi?: string | null;

  @Field(() => String, { nullable: true })
  titleEn?: string | null;
}
