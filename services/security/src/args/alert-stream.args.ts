import { ArgsType, Field } from 'type-graphql';
import { AlertKind, AlertSeverity, AlertStatus } from '../enums/alert.enum';

/** Filters shared by the alert streams; every one given must match. */
@ArgsType()
export class AlertStreamArgs {
  @Field(() => AlertKind, { nullable: true })
  kind?: AlertKind | null;

  @Field(() => AlertSeverity, { nullable: true, description: 'Only alerts at least this severe (LOW < MEDIUM < HIGH < CRITICAL).' })
  minSeverity?: AlertSeverity | null;

  @Field(() => String, { nullable: true, description: 'InformationSystem id.' })
  systemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Agency id of the system owner (an agency client always gets its own).' })
  agencyId?: string | null;
}

@ArgsType()
export class AlertRaisedArgs extends AlertStreamArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Resume cursor: the `sequence` of the last alert received. Alerts raised after it are replayed first, in order, then live ones.',
  })
  after?: string | null;
}

@ArgsType()
export class AlertUpdatedArgs extends AlertStreamArgs {
  @Field(() => AlertStatus, { nullable: true, description: 'Only updates that leave the alert in this status.' })
  status?: AlertStatus | null;
}
