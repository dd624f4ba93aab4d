import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import type { UnitInfo } from './reference.seed';

/** 247 service points: 47 post offices, 84 commune post-culture points, 116 others (plan, Part I, II.3.b). */
export const postalCounts = { postOffices: 47, communePostCulture: 84, other: 116 } as const;

const vnpost = 'Bưu điện tỉnh Trà Vinh (VNPost)';
const viettelPost = 'Bưu chính Viettel Trà Vinh';
/** Enterprises of the "other" collection points (synthetic: the plan counts 12 postal enterprises, unnamed). */
const collectors = [vnpost, viettelPost, 'Giao Hàng Nhanh', 'Giao Hàng Tiết Kiệm', 'J&T Express', 'Ninja Van', 'Best Express', 'Nhất Tín Logistics', 'SPX Express', 'Kerry Express', 'Hợp Nhất Express', 'Ahamove'];

export interface PlannedPostalPoint {
  id: string;
  name: string;
  kind: 'POST_OFFICE' | 'COMMUNE_POST_CULTURE' | 'OTHER';
  enterprise: string;
  communeCode: string;
  districtCode: string;
}

/** Every rural commune (xã) gets a point: 84 post-culture points and one collection point in the 85th. */
export function planPostalPoints(units: readonly UnitInfo[], seed = 840247): PlannedPostalPoint[] {
  const random = createRandom(seed);
  const communes = units.filter((unit) => unit.level === 'COMMUNE');
  const rural = communes.filter((unit) => unit.rural);
  const weights = communes.map((unit) => (unit.rural ? 1 : 2.5));
  const planned: Array<Omit<PlannedPostalPoint, 'id' | 'name'>> = [];
  const at = (unit: UnitInfo) => ({ communeCode: unit.code, districtCode: unit.districtCode! });

  // A post office in each district's seat (its first ward or town), the rest spread by weight.
  const districts = units.filter((unit) => unit.level === 'DISTRICT');
  for (const district of districts) {
    const inDistrict = communes.filter((unit) => unit.districtCode === district.code);
    const seat = inDistrict.find((unit) => !unit.rural) ?? inDistrict[0]!;
    planned.push({ kind: 'POST_OFFICE', enterprise: vnpost, ...at(seat) });
  }
  while (planned.length < postalCounts.postOffices) {
    planned.push({ kind: 'POST_OFFICE', enterprise: random.next() < 0.6 ? vnpost : viettelPost, ...at(random.weighted(communes, weights)) });
  }
  const shuffledRural = random.shuffle(rural);
  for (const unit of shuffledRural.slice(0, postalCounts.communePostCulture)) planned.push({ kind: 'COMMUNE_POST_CULTURE', enterprise: vnpost, ...at(unit) });
  const others: Array<Omit<PlannedPostalPoint, 'id' | 'name'>> = shuffledRural
    .slice(postalCounts.communePostCulture)
    .map((unit) => ({ kind: 'OTHER', enterprise: random.pick(collectors), ...at(unit) }));
  collectors.forEach((enterprise) => others.push({ kind: 'OTHER', enterprise, ...at(random.weighted(communes, weights)) }));
  while (others.length < postalCounts.other) others.push({ kind: 'OTHER', enterprise: random.pick(collectors), ...at(random.weighted(communes, weights)) });
  planned.push(...others.slice(0, postalCounts.other));

  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  const label = { POST_OFFICE: 'Bưu cục', COMMUNE_POST_CULTURE: 'Điểm Bưu điện - Văn hóa xã', OTHER: 'Điểm thu gom' } as const;
  return planned.map((point, index) => ({
    id: `bc-${String(index + 1).padStart(3, '0')}`,
    name: `${label[point.kind]} ${names.get(point.communeCode)}${point.kind === 'OTHER' ? ` (${point.enterprise})` : ''}`,
    ...point,
  }));
}

export async function seedPostal(manager: EntityManager, units: readonly UnitInfo[]): Promise<{ postalPoints: number }> {
  const points = planPostalPoints(units);
  const names = new Map(units.map((unit) => [unit.code, unit.nameWithType]));
  await bulkInsert(
    manager,
    'postal_point',
    ['id', 'name', 'kind', 'enterprise', 'commune_code', 'district_code', 'search_name', 'synthetic'],
    points.map((p) => [p.id, p.name, p.kind, p.enterprise, p.communeCode, p.districtCode, foldVietnamese(`${p.name} ${p.enterprise} ${names.get(p.communeCode)} ${names.get(p.districtCode)}`), true]),
  );
  return { postalPoints: points.length };
}
