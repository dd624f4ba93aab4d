import { ArgsType, Field, Int } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { OnlineServiceSort } from '../enums/online-service.enum';

@ArgsType()
export class AdministrativeProceduresArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Provincial agency in charge.' })
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Field (lĩnh vực), exact, e.g. "Hộ tịch".' })
  field?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Procedures with (true) or without (false) an online service on the national portal.' })
  nationalPortal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search on name, field and code.' })
  search?: string | null;
}

@ArgsType()
export class OnlineServicesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Online service level: 2, 3 or 4.' })
  level?: number | null;

  @Field(() => UnitLevel, { nullable: true })
  authorityLevel?: UnitLevel | null;

  @Field(() => String, { nullable: true })
  agencyId?: string | null;

  @Field(() => String, { nullable: true })
  procedureId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Integrated with the National Public Service Portal.' })
  nationalPortal?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive name search.' })
  search?: string | null;

  @Field(() => OnlineServiceSort, { defaultValue: OnlineServiceSort.ID })
  sort: OnlineServiceSort = OnlineServiceSort.ID;
}
