import { Field, ObjectType } from 'type-graphql';

/** Resolved field by field (SecuritySummaryResolver): a scorecard query computes only the indicators. */
@ObjectType('SecuritySummary', { description: 'An toàn thông tin: information security at a glance.' })
export class SecuritySummary {
  @Field(() => String)
  provinceCode!: string;
}
