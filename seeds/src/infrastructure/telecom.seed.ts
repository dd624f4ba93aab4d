import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import { planBtsStations, type CommuneSite, type MobileOperator } from './bts-plan';
import type { UnitInfo } from './reference.seed';

/** The six telecom operators the plan names, and its unnamed cable-TV operator. */
export const telecomOperators = [
  { id: 'vnpt', name: 'VNPT Trà Vinh', shortName: 'VNPT', kind: 'TELECOM', services: ['MOBILE', 'FIXED_BROADBAND'], synthetic: false },
  { id: 'viettel', name: 'Viettel Trà Vinh', shortName: 'Viettel', kind: 'TELECOM', services: ['MOBILE', 'FIXED_BROADBAND'], synthetic: false },
  { id: 'mobifone', name: 'MobiFone Trà Vinh', shortName: 'MobiFone', kind: 'TELECOM', services: ['MOBILE', 'FIXED_BROADBAND'], synthetic: false },
  { id: 'fpt', name: 'FPT chi nhánh Trà Vinh', shortName: 'FPT', kind: 'TELECOM', services: ['FIXED_BROADBAND'], synthetic: false },
  { id: 'gtel', name: 'Gtel', shortName: 'Gtel', kind: 'TELECOM', services: ['MOBILE'], synthetic: false },
  { id: 'vietnamobile', name: 'Vietnamobile', shortName: 'Vietnamobile', kind: 'TELECOM', services: ['MOBILE'], synthetic: false },
  { id: 'cable-tv', name: 'Doanh nghiệp truyền hình cáp', shortName: 'Truyền hình cáp', kind: 'CABLE_TV', services: ['CABLE_TV'], synthetic: true },
] as const;

/** Shares of the province's BTS per mobile network (synthetic; the plan gives only the total). */
export const mobileOperators: MobileOperator[] = [
  { id: 'viettel', shortName: 'Viettel', share: 0.36 },
  { id: 'vnpt', shortName: 'VNPT', share: 0.3 },
  { id: 'mobifone', shortName: 'MobiFone', share: 0.24 },
  { id: 'vietnamobile', shortName: 'Vietnamobile', share: 0.06 },
  { id: 'gtel', shortName: 'Gtel', share: 0.04 },
];

/** 1,208 stations, 86.18% of them 4G (plan, Part I, II.3.a). */
export const btsCounts = { total: 1208, lte: 1041 } as const;

export function communeSites(units: readonly UnitInfo[]): CommuneSite[] {
  const districtNames = new Map(units.filter((unit) => unit.level === 'DISTRICT').map((unit) => [unit.code, unit.name]));
  return units
    .filter((unit) => unit.level === 'COMMUNE')
    .map((unit) => ({
      code: unit.code,
      name: unit.name,
      districtCode: unit.districtCode!,
      districtName: districtNames.get(unit.districtCode!) ?? '',
      urban: unit.type !== 'xa',
    }));
}

export async function seedTelecom(manager: EntityManager, units: readonly UnitInfo[]): Promise<{ telecomOperators: number; btsStations: number }> {
  await bulkInsert(
    manager,
    'telecom_operator',
    ['id', 'name', 'short_name', 'kind', 'services', 'search_name', 'synthetic'],
    telecomOperators.map((o) => [o.id, o.name, o.shortName, o.kind, [...o.services], foldVietnamese(`${o.name} ${o.shortName}`), o.synthetic]),
  );
  const stations = planBtsStations(communeSites(units), mobileOperators, createRandom(841208), btsCounts);
  const operatorNames = new Map<string, string>(telecomOperators.map((o) => [o.id, o.name]));
  await bulkInsert(
    manager,
    'bts_station',
    [
      'id', 'name', 'operator_id', 'commune_code', 'district_code', 'technologies', 'latitude', 'longitude',
      'status', 'status_changed_at', 'commissioned_on', 'search_name', 'synthetic',
    ],
    stations.map((s) => [
      s.id, s.name, s.operatorId, s.communeCode, s.districtCode, s.technologies, s.latitude, s.longitude,
      s.status, s.statusChangedAt, s.commissionedOn, foldVietnamese(`${s.searchText} ${operatorNames.get(s.operatorId) ?? ''}`), true,
    ]),
  );
  return { telecomOperators: telecomOperators.length, btsStations: stations.length };
}
