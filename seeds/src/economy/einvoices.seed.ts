import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import { enterpriseTaxCode, type EnterpriseRow } from './enterprises.seed';
import { pickCommune, randomDay, type District } from './places';

export interface RegistrationRow {
  taxCode: string;
  taxpayerKind: 'ENTERPRISE' | 'HOUSEHOLD_BUSINESS' | 'ORGANISATION';
  communeCode: string;
  districtCode: string;
  registeredOn: string;
}

/** Plan, Part I II.10.d: 3,768 tax codes registered for e-invoices (100% of declaring taxpayers). */
export const eInvoiceTaxCodeCount = 3768;
const householdCount = 1_700;
const organisationCount = 158;

const districtWeights: Record<string, number> = { '842': 30, '851': 8, '844': 10, '847': 10, '846': 9, '845': 8, '848': 8, '849': 10, '850': 5 };

/**
 * When registrations were accepted: a few early adopters from late 2020, most in the province's
 * roll-out of April–June 2022 (Kế hoạch 03/KH-TTTr, 15 April 2022), the rest by year end.
 */
function registrationDay(random: ReturnType<typeof createRandom>, notBefore: string): string {
  const window = random.weighted(
    [
      ['2020-11-01', '2022-03-31'],
      ['2022-04-15', '2022-06-30'],
      ['2022-07-01', '2022-12-31'],
    ] as const,
    [15, 55, 30],
  );
  const day = randomDay(random, window[0], window[1]);
  return day < notBefore ? randomDay(random, notBefore > '2022-12-31' ? '2022-12-31' : notBefore, '2022-12-31') : day;
}

/** Every enterprise of this subgraph, plus the other taxpayers that make up the 3,768. */
export function generateRegistrations(districts: readonly District[], enterprises: readonly EnterpriseRow[], usedTaxCodes: Set<string>): RegistrationRow[] {
  const random = createRandom(0xe1e0);
  const rows: RegistrationRow[] = enterprises.map((e) => ({
    taxCode: e.taxCode,
    taxpayerKind: 'ENTERPRISE',
    communeCode: e.communeCode,
    districtCode: e.districtCode,
    registeredOn: registrationDay(random, e.foundedOn),
  }));
  const others = eInvoiceTaxCodeCount - rows.length - householdCount - organisationCount;
  const kinds = [
    ...Array<RegistrationRow['taxpayerKind']>(others).fill('ENTERPRISE'),
    ...Array<RegistrationRow['taxpayerKind']>(householdCount).fill('HOUSEHOLD_BUSINESS'),
    ...Array<RegistrationRow['taxpayerKind']>(organisationCount).fill('ORGANISATION'),
  ];
  for (const taxpayerKind of kinds) {
    const commune = pickCommune(random, districts, districtWeights);
    let taxCode: string;
    if (taxpayerKind === 'HOUSEHOLD_BUSINESS') {
      // Household businesses file under the owner's personal tax code (10 digits starting with 8).
      do taxCode = `8${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
      while (usedTaxCodes.has(taxCode));
      usedTaxCodes.add(taxCode);
    } else {
      taxCode = enterpriseTaxCode(random, usedTaxCodes);
    }
    rows.push({ taxCode, taxpayerKind, communeCode: commune.code, districtCode: commune.districtCode, registeredOn: registrationDay(random, '2000-01-01') });
  }
  return rows;
}

export async function seedRegistrations(manager: EntityManager, rows: readonly RegistrationRow[]): Promise<number> {
  return bulkInsert(
    manager,
    'einvoice_registration',
    ['tax_code', 'taxpayer_kind', 'commune_code', 'district_code', 'registered_on', 'synthetic'],
    rows.map((row) => [row.taxCode, row.taxpayerKind, row.communeCode, row.districtCode, row.registeredOn, true]),
  );
}
