import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { AlertKind, AlertOrder, AlertSeverity, AlertSource, AlertStatus } from '../enums/alert.enum';

@ArgsType()
export class AlertsArgs extends PageArgs {
  @Field(() => AlertKind, { nullable: true })
  kind?: AlertKind | null;

  @Field(() => AlertStatus, { nullable: true })
  status?: AlertStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open alerts (NEW, ACKNOWLEDGED, INVESTIGATING); false: only closed ones.' })
  open?: boolean | null;

  @Field(() => AlertSeverity, { nullable: true })
  severity?: AlertSeverity | null;

  @Field(() => AlertSource, { nullable: true })
  source?: AlertSource | null;

  @Field(() => String, { nullable: true, description: 'InformationSystem id.' })
  systemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Server id (host-01…host-31, vm-001…vm-140).' })
  serverId?: string | null;

  @Field(() => String, { nullable: true, description: 'Agency id of the system owner.' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'MITRE ATT&CK technique id, e.g. T1110 (a sub-technique such as T1110.001 only matches itself).' })
  mitreTechnique?: string | null;

  @Field(() => String, { nullable: true, description: 'MITRE ATT&CK tactic id, e.g. TA0006.' })
  mitreTactic?: string | null;

  @Field(() => String, { nullable: true, description: 'First seen at or after (ISO 8601; a date is midnight Vietnam time).' })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First seen at or before (ISO 8601); a date alone includes that whole day, Vietnam time.',
  })
  to?: string | null;

  @Field(() => AlertOrder, { defaultValue: AlertOrder.LAST_SEEN_DESC })
  orderBy: AlertOrder = AlertOrder.LAST_SEEN_DESC;
}

@ArgsType()
export class RelatedAlertsArgs {
  @Field(() => AlertStatus, { nullable: true })
  status?: AlertStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open alerts; false: only closed ones.' })
  open?: boolean | null;

  @Field(() => Int, { defaultValue: 20, description: 'Most recent first; 1 to 100.' })
  first: number = 20;
}
