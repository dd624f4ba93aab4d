import { Directive, Field, ObjectType } from 'type-graphql';
import { CaseStudy } from './case-study.type';

/** An entity keyed by a nested object: `study { caseNumber }`. */
@ObjectType('ProductResearch')
@Directive('@key(fields: "study { caseNumber }")')
export class ProductResearch {
  @Field(() => CaseStudy)
  study!: CaseStudy;

  @Field(() => String, { nullable: true })
  outcome?: string | null;
}
