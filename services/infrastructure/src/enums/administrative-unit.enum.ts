import { registerEnumType } from 'type-graphql';

/** Same name and values as egov's `UnitLevel`, so the two definitions compose as one enum. */
export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Tier of the administrative hierarchy (cấp tỉnh / huyện / xã).' });
