import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { DossierChannel, DossierStatus, DossierSort } from '../enums/dossier.enum';

@ArgsType()
export class DossiersArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  districtCode?: string | null;

  @Field(() => String, { nullable: true })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Handling agency.' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true })
  procedureId?: string | null;

  @Field(() => String, { nullable: true })
  serviceId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Level (2, 3, 4) of the online service.' })
  serviceLevel?: number | null;

  @Field(() => DossierChannel, { nullable: true })
  channel?: DossierChannel | null;

  @Field(() => DossierStatus, { nullable: true })
  status?: DossierStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: still processing past the deadline, or resolved late.' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Received on or after: ISO date (province time) or date-time.' })
  receivedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Received on or before: an ISO date includes the whole day.' })
  receivedTo?: string | null;

  @Field(() => DossierSort, { defaultValue: DossierSort.RECEIVED_AT_DESC })
  sort: DossierSort = DossierSort.RECEIVED_AT_DESC;
}

@ArgsType()
export class DossierStatisticsArgs {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { defaultValue: '84', description: 'One row per direct subdivision of this unit: "84" gives the districts, a district code its communes.' })
  parentCode: string = '84';

  @Field(() => Int, { nullable: true })
  serviceLevel?: number | null;

  @Field(() => String, { nullable: true })
  agencyId?: string | null;
}
