import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { AlertSeverity } from '../enums/alert.enum';
import { IncidentSlaStatus, IncidentStatus } from '../enums/incident.enum';

@ArgsType()
export class IncidentsArgs extends PageArgs {
  @Field(() => IncidentStatus, { nullable: true })
  status?: IncidentStatus | null;

  @Field(() => AlertSeverity, { nullable: true })
  severity?: AlertSeverity | null;

  @Field(() => String, { nullable: true })
  systemId?: string | null;

  @Field(() => String, { nullable: true })
  agencyId?: string | null;

  @Field(() => IncidentSlaStatus, { nullable: true, description: 'Where the 5-day reporting clock stands now.' })
  slaStatus?: IncidentSlaStatus | null;

  @Field(() => String, { nullable: true, description: 'Detected at or after (ISO 8601).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Detected at or before (ISO 8601; a date alone includes the whole day).' })
  to?: string | null;
}
