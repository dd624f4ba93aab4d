import { loadTraVinhUnits, provinceCode, type GsoUnit } from '../shared/units';
import type { Random } from '../random';

export interface Commune {
  code: string;
  name: string;
  nameWithType: string;
  type: string;
  districtCode: string;
}

export interface District {
  code: string;
  name: string;
  nameWithType: string;
  communes: Commune[];
}

/** Trà Vinh's districts with their communes, in GSO order. */
export function loadDistricts(): District[] {
  const units = loadTraVinhUnits();
  const districts = units.filter((unit) => unit.parent_code === provinceCode);
  return districts.map((district: GsoUnit) => ({
    code: district.code,
    name: district.name,
    nameWithType: district.name_with_type,
    communes: units
      .filter((unit) => unit.parent_code === district.code)
      .map((unit) => ({ code: unit.code, name: unit.name, nameWithType: unit.name_with_type, type: unit.type, districtCode: district.code })),
  }));
}

/** A commune drawn by district weight (e.g. ICT firms cluster in Trà Vinh city), then uniformly. */
export function pickCommune(random: Random, districts: readonly District[], weights: Readonly<Record<string, number>>): Commune {
  const district = random.weighted(districts, districts.map((d) => weights[d.code] ?? 1));
  return random.pick(district.communes);
}

/** A random ISO date between two ISO dates (inclusive). */
export function randomDay(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const day = start + random.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** Splits `total` into `parts` positive integers near the given weights, summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[], minimum = 1): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${minimum}`);
  const raw = weights.map((w) => (w / sum) * spare);
  const parts = raw.map((r) => minimum + Math.floor(r));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]! += 1;
  return parts;
}
