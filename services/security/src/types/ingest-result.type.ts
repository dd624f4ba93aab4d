import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('IngestRejection')
export class IngestRejection {
  @Field(() => Int, { description: '1-based line of the body, or position in the list.' })
  line!: number;

  @Field(() => String)
  error!: string;
}

@ObjectType('IngestResult', { description: 'What an ingest did, as the HTTP endpoints answer (docs/soc.md).' })
export class IngestResult {
  @Field(() => Int, { description: 'New events; one whose fingerprint matches an open alert folds into it.' })
  accepted!: number;

  @Field(() => Int, { description: 'Events ingested before (same source event): nothing changed.' })
  duplicates!: number;

  @Field(() => Int, { description: 'Valid lines that are not alerts.' })
  skipped!: number;

  @Field(() => Int, { description: 'New events muted by a suppression rule (counted on the rule).' })
  suppressed!: number;

  @Field(() => [IngestRejection], { description: 'The first 1,000 rejected lines or items.' })
  rejected!: IngestRejection[];

  @Field(() => Int)
  rejectedTotal!: number;
}
