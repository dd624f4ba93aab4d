import { Field, ObjectType } from 'type-graphql';
import { Alert } from '../entities/alert.entity';
import { SuppressionRule } from '../entities/suppression-rule.entity';

@ObjectType('RaiseAlertResult')
export class RaiseAlertResult {
  @Field(() => Alert, { nullable: true, description: 'The alert raised or bumped; null when a suppression rule muted the event (see suppressedBy).' })
  alert!: Alert | null;

  @Field(() => Boolean, { description: 'True when an open alert with the same fingerprint was bumped instead of a new one inserted.' })
  deduplicated!: boolean;

  @Field(() => SuppressionRule, { nullable: true, description: 'The rule that muted the event and counted it instead of raising it.' })
  suppressedBy!: SuppressionRule | null;
}
