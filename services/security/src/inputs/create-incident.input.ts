import { Field, InputType } from 'type-graphql';
import { AlertSeverity } from '../enums/alert.enum';

@InputType('CreateIncidentInput', { description: 'An incident opened from a selection of alerts.' })
export class CreateIncidentInput {
  @Field(() => String, { description: '1–300 characters.' })
  title!: string;

  @Field(() => [String], { description: `The alerts it groups (1–500; none already in another incident).` })
  alertIds!: string[];

  @Field(() => AlertSeverity, { nullable: true, description: 'The worst severity of its alerts by default.' })
  severity?: AlertSeverity | null;
}
