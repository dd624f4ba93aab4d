import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { NetworkConnectionStatus, NetworkSector } from '../enums/network-connection.enum';

@ArgsType()
export class AgencyAreaArgs extends PageArgs {
  @Field(() => UnitLevel, { nullable: true, description: 'Provincial, district or commune agencies.' })
  level?: UnitLevel | null;

  @Field(() => NetworkSector, { nullable: true })
  sector?: NetworkSector | null;

  @Field(() => String, { nullable: true, description: 'GSO code of a district: its committee and its communes\' committees.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GSO code of a commune.' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Accent-insensitive search in the agency name.' })
  search?: string | null;
}

@ArgsType()
export class NetworkConnectionsArgs extends AgencyAreaArgs {
  @Field(() => NetworkConnectionStatus, { nullable: true })
  status?: NetworkConnectionStatus | null;
}

@ArgsType()
export class SecuredLansArgs extends AgencyAreaArgs {}
