import { Field, ObjectType } from 'type-graphql';

@ObjectType('InfrastructureSummary', { description: 'Hạ tầng số: digital infrastructure at a glance.' })
export class InfrastructureSummary {
  @Field(() => String)
  provinceCode!: string;
}
