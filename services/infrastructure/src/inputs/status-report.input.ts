import { Field, InputType } from 'type-graphql';
import { BtsStatus } from '../enums/bts-station.enum';
import { ServerHealth } from '../enums/server.enum';

@InputType('BtsStatusReportInput', { description: 'One report of a `setBtsStatuses` call: what `setBtsStatus` takes.' })
export class BtsStatusReportInput {
  @Field(() => String)
  id!: string;

  @Field(() => BtsStatus)
  status!: BtsStatus;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('ServerHealthReportInput', { description: 'One report of a `setServersHealth` call: what `setServerHealth` takes.' })
export class ServerHealthReportInput {
  @Field(() => String)
  id!: string;

  @Field(() => ServerHealth)
  health!: ServerHealth;
}
