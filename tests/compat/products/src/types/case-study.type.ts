import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('CaseStudy')
export class CaseStudy {
  @Field(() => ID)
  caseNumber!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
