import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ServerResources', { description: 'CPU cores, memory and disk.' })
export class ServerResources {
  @Field(() => Int)
  cpuCores!: number;

  @Field(() => Int)
  memoryGb!: number;

  @Field(() => Int)
  diskGb!: number;
}
