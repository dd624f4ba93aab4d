import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { UnitLevel } from '../enums/administrative-unit.enum';

@ArgsType()
export class AdministrativeUnitsArgs extends PageArgs {
  @Field(() => UnitLevel, { nullable: true })
  level?: UnitLevel | null;

  @Field(() => String, { nullable: true, description: 'Only the direct subdivisions of this unit (e.g. "84" for the districts).' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive name search: "cau ke" finds "Cầu Kè".' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Units valid on this ISO date; default today.' })
  validOn?: string | null;
}
