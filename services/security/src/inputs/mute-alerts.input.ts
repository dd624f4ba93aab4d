import { Field, InputType } from 'type-graphql';
import { SuppressionTarget } from '../enums/suppression.enum';

@InputType('MuteAlertsInput', { description: 'What to mute, where, for how long and why.' })
export class MuteAlertsInput {
  @Field(() => SuppressionTarget)
  target!: SuppressionTarget;

  @Field(() => String, { description: 'The Wazuh rule id, Suricata signature id or CVE id to mute.' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'A monitored server to mute it on; everywhere when left out.' })
  serverId?: string | null;

  @Field(() => String, { nullable: true, description: 'Start of the window (ISO 8601); now by default.' })
  from?: string | null;

  @Field(() => String, { description: `End of the window (ISO 8601): the rule expires on its own then. At most 90 days after the start.` })
  until!: string;

  @Field(() => String, { description: 'Why it is muted (3–500 characters), kept in the audit log.' })
  reason!: string;
}
