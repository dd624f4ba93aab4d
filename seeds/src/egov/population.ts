import { createRandom } from '../random';
import { loadTraVinhUnits } from '../shared/units';
import type { CommuneWeight } from './dossier-distribution';

/**
 * Approximate populations of Trà Vinh's district-level units (2019 census, rounded): used only as
 * weights for synthetic records, never shown as figures.
 */
export const districtPopulation: Record<string, number> = {
  '842': 112_000, // Thành phố Trà Vinh
  '844': 143_000, // Càng Long
  '845': 110_000, // Cầu Kè
  '846': 108_000, // Tiểu Cần
  '847': 137_000, // Châu Thành
  '848': 126_000, // Cầu Ngang
  '849': 177_000, // Trà Cú
  '850': 57_000, // Duyên Hải (district)
  '851': 50_000, // Thị xã Duyên Hải
};

/** How much more than average each district's residents filed online in 2022. */
const districtOnlinePropensity: Record<string, number> = {
  '842': 2.0, // the city: most online filers
  '848': 1.4, // Cầu Ngang's one-stop centre helped people file online (plan, Part I)
  '851': 1.3,
};

/** Commune weights: the district's population split over its communes, wards and towns weigh more. */
export function communeWeights(seed = 84): CommuneWeight[] {
  const random = createRandom(seed);
  const units = loadTraVinhUnits();
  const communes = units.filter((unit) => unit.parent_code && unit.parent_code !== '84');
  const out: CommuneWeight[] = [];
  for (const [districtCode, population] of Object.entries(districtPopulation)) {
    const members = communes.filter((unit) => unit.parent_code === districtCode);
    const raw = members.map((unit) => (unit.type === 'xa' ? 1 : 1.6) * (0.7 + 0.6 * random.next()));
    const sum = raw.reduce((a, b) => a + b, 0);
    members.forEach((unit, i) =>
      out.push({
        code: unit.code,
        districtCode,
        population: Math.round((population * raw[i]!) / sum),
        onlinePropensity: (districtOnlinePropensity[districtCode] ?? 1) * (unit.type === 'xa' ? 1 : 1.3),
      }),
    );
  }
  if (out.length !== communes.length) throw new Error(`population: ${out.length} weights for ${communes.length} communes`);
  return out;
}
