import { registerEnumType } from 'type-graphql';

export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Tier of the administrative hierarchy (cấp tỉnh / huyện / xã).' });
