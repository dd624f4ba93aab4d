import type { Random } from '../random';

/** A commune as the BTS plan sees it. */
export interface CommuneSite {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  /** Wards and towns (phường, thị trấn) draw more stations than rural communes. */
  urban: boolean;
}

export interface MobileOperator {
  id: string;
  shortName: string;
  /** Relative share of the province's stations. */
  share: number;
}

export interface PlannedStation {
  id: string;
  name: string;
  operatorId: string;
  communeCode: string;
  districtCode: string;
  technologies: string[];
  latitude: number;
  longitude: number;
  status: 'UP' | 'DOWN' | 'DEGRADED';
  commissionedOn: string;
  statusChangedAt: string;
  searchText: string;
}

/** Approximate centres of Trà Vinh's district-level units (GSO code → [lat, lon]). */
export const districtCentres: Record<string, [number, number]> = {
  '842': [9.934, 106.34],
  '844': [9.99, 106.205],
  '845': [9.87, 106.06],
  '846': [9.81, 106.195],
  '847': [9.88, 106.39],
  '848': [9.8, 106.45],
  '849': [9.7, 106.27],
  '850': [9.64, 106.44],
  '851': [9.63, 106.52],
};

/** Bounds of the province the stations must stay within. */
export const traVinhBounds = { minLat: 9.6, maxLat: 10.1, minLon: 105.9, maxLon: 106.6 } as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, digits = 5) => Math.round(value * 10 ** digits) / 10 ** digits;

function isoDate(random: Random, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(random.next() * (to - from))).toISOString().slice(0, 10);
}

/**
 * Spreads `total` stations, `lte` of them with LTE, over the communes: every commune first gets
 * one LTE station that is up (so every commune has 4G), the rest follow commune weights (urban
 * ones draw more) and the operators' shares. Deterministic for a given random source.
 */
export function planBtsStations(
  communes: readonly CommuneSite[],
  operators: readonly MobileOperator[],
  random: Random,
  counts: { total: number; lte: number },
): PlannedStation[] {
  if (counts.lte < communes.length) throw new Error(`need at least ${communes.length} LTE stations for one per commune`);
  if (counts.lte > counts.total) throw new Error('more LTE stations than stations');
  const shares = operators.map((operator) => operator.share);
  const weights = communes.map((commune) => (commune.urban ? 1.8 : 1) * (0.75 + random.next() * 0.5));

  interface Slot {
    commune: CommuneSite;
    guaranteed: boolean;
    lte: boolean;
  }
  const slots: Slot[] = communes.map((commune) => ({ commune, guaranteed: true, lte: true }));
  const extra = counts.total - communes.length;
  const extraLte = new Set(random.shuffle([...Array(extra).keys()]).slice(0, counts.lte - communes.length));
  for (let i = 0; i < extra; i++) slots.push({ commune: random.weighted(communes, weights), guaranteed: false, lte: extraLte.has(i) });

  const centres = new Map(
    communes.map((commune) => {
      const [lat, lon] = districtCentres[commune.districtCode] ?? [9.85, 106.3];
      return [commune.code, [lat + (random.next() - 0.5) * 0.1, lon + (random.next() - 0.5) * 0.1] as const];
    }),
  );

  const planned = slots.map((slot) => {
    const operator = random.weighted(operators, shares);
    const technologies = slot.lte
      ? random.weighted([['GSM', 'UMTS', 'LTE'], ['UMTS', 'LTE'], ['LTE']], [0.6, 0.25, 0.15])
      : random.weighted([['GSM'], ['GSM', 'UMTS'], ['UMTS']], [0.35, 0.5, 0.15]);
    const [lat, lon] = centres.get(slot.commune.code)!;
    const status: PlannedStation['status'] = slot.guaranteed ? 'UP' : random.weighted(['UP', 'DEGRADED', 'DOWN'] as const, [0.97, 0.02, 0.01]);
    const commissionedOn = slot.lte ? isoDate(random, 2015, 2022) : isoDate(random, 2006, 2014);
    return {
      slot,
      operator,
      technologies,
      latitude: round(clamp(lat + (random.next() - 0.5) * 0.03, traVinhBounds.minLat, traVinhBounds.maxLat)),
      longitude: round(clamp(lon + (random.next() - 0.5) * 0.03, traVinhBounds.minLon, traVinhBounds.maxLon)),
      status,
      commissionedOn,
      statusChangedAt: status === 'UP' ? `${commissionedOn}T08:00:00Z` : `2023-04-${String(random.int(1, 18)).padStart(2, '0')}T${String(random.int(0, 23)).padStart(2, '0')}:15:00Z`,
    };
  });

  // Stable ids and names: by commune, then operator, numbered within each commune and operator.
  planned.sort(
    (a, b) =>
      a.slot.commune.code.localeCompare(b.slot.commune.code) ||
      a.operator.id.localeCompare(b.operator.id) ||
      a.commissionedOn.localeCompare(b.commissionedOn),
  );
  const perCommuneOperator = new Map<string, number>();
  return planned.map((station, index) => {
    const key = `${station.slot.commune.code}/${station.operator.id}`;
    const n = (perCommuneOperator.get(key) ?? 0) + 1;
    perCommuneOperator.set(key, n);
    const id = `bts-${String(index + 1).padStart(4, '0')}`;
    const name = `${station.operator.shortName} ${station.slot.commune.name} ${String(n).padStart(2, '0')}`;
    return {
      id,
      name,
      operatorId: station.operator.id,
      communeCode: station.slot.commune.code,
      districtCode: station.slot.commune.districtCode,
      technologies: station.technologies,
      latitude: station.latitude,
      longitude: station.longitude,
      status: station.status,
      commissionedOn: station.commissionedOn,
      statusChangedAt: station.statusChangedAt,
      searchText: [id, name, station.slot.commune.name, station.slot.commune.districtName].join(' '),
    };
  });
}
