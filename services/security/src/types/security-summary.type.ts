import { Field, ObjectType } from 'type-graphql';

@ObjectType('SecuritySummary', { description: 'An toàn thông tin: information security at a glance.' })
export class SecuritySummary {
  @Field(() => String)
  provinceCode!: string;
}
