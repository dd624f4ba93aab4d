import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { AgencyKind } from '../enums/agency.enum';

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => UnitLevel, { nullable: true })
  level?: UnitLevel | null;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true, description: 'Agencies of this administrative unit; a district code includes its communes.' })
  unitCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search on Vietnamese and English names and the code.' })
  search?: string | null;
}
