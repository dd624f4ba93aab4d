import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('OpenAlertCounts', { description: 'Alerts open now (new, acknowledged or under investigation), by severity: what every dashboard may show.' })
export class OpenAlertCounts {
  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  critical!: number;

  @Field(() => Int)
  high!: number;

  @Field(() => Int)
  medium!: number;

  @Field(() => Int)
  low!: number;
}
