import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Totals of a year's projects, summed from the project rows. */
@ObjectType('PlanBudget', { description: "A year's digital-transformation money in million VND: the 2023 budget or the 2022 spend." })
export class PlanBudget {
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  projects!: number;

  @Field(() => Float, { description: 'Sum over the projects, million VND.' })
  total!: number;

  @Field(() => Float, { description: 'Investment capital (vốn đầu tư); 0 where the year does not split.' })
  investment!: number;

  @Field(() => Float, { description: 'Recurring funds (vốn sự nghiệp).' })
  recurring!: number;

  @Field(() => Float, { description: 'Of the total, money not yet allocated.' })
  unfunded!: number;
}
