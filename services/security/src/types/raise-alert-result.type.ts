import { Field, ObjectType } from 'type-graphql';
import { Alert } from '../entities/alert.entity';

@ObjectType('RaiseAlertResult')
export class RaiseAlertResult {
  @Field(() => Alert)
  alert!: Alert;

  @Field(() => Boolean, { description: 'True when an open alert with the same fingerprint was bumped instead of a new one inserted.' })
  deduplicated!: boolean;
}
