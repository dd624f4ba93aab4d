import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SecurityLevelCount', { description: 'Systems with an approved level, per level.' })
export class SecurityLevelCount {
  @Field(() => Int)
  level!: number;

  @Field(() => Int)
  systems!: number;
}
