import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom, type Random } from '../random';
import { loadAgencies, type AgencyRecord } from '../shared/agencies';
import type { UnitInfo } from './reference.seed';

function dateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + Math.floor(random.next() * (end - start + 86_400_000))).toISOString().slice(0, 10);
}

function agencyColumns(agency: AgencyRecord, districtOf: Map<string, string | null>) {
  return [
    agency.id,
    agency.nameVi,
    agency.kind === 'PARTY' ? 'PARTY' : 'STATE',
    agency.level,
    agency.unitCode,
    districtOf.get(agency.unitCode) ?? null,
    foldVietnamese(`${agency.nameVi} ${agency.nameEn} ${agency.id}`),
  ];
}

const agencyColumnNames = ['agency_id', 'agency_name', 'sector', 'level', 'unit_code', 'district_code', 'search_name'];

/** The LAN security figures: 18 provincial departments, 9 district and 106 commune committees. */
export const securedLanCounts = { provincialDepartments: 18 } as const;

/** Specialised-network links of all 150 agencies and the 133 secured LANs (plan, Part I, II.3.d and II.6). */
export async function seedNetworks(manager: EntityManager, units: readonly UnitInfo[]): Promise<{ networkConnections: number; securedLans: number }> {
  const random = createRandom(840150);
  const agencies = loadAgencies();
  const districtOf = new Map(units.map((unit) => [unit.code, unit.districtCode]));
  const bandwidth = { PROVINCE: 100, DISTRICT: 50, COMMUNE: 20 } as const;
  await bulkInsert(
    manager,
    'network_connection',
    [...agencyColumnNames, 'status', 'bandwidth_mbps', 'connected_on', 'synthetic'],
    agencies.map((agency) => [
      ...agencyColumns(agency, districtOf),
      'CONNECTED',
      bandwidth[agency.level],
      dateBetween(random, '2016-01-01', '2022-06-30'),
      true,
    ]),
  );
  // The plan names 18 of the 19 provincial departments; which one is left out is not said.
  const departments = agencies.filter((agency) => agency.kind === 'DEPARTMENT');
  const skipped = new Set(random.shuffle(departments).slice(securedLanCounts.provincialDepartments).map((agency) => agency.id));
  const secured = agencies.filter((agency) => agency.kind !== 'PARTY' && !skipped.has(agency.id));
  await bulkInsert(
    manager,
    'secured_lan',
    [...agencyColumnNames, 'appliance', 'installed_on', 'synthetic'],
    secured.map((agency) => [
      ...agencyColumns(agency, districtOf),
      agency.level === 'PROVINCE' ? 'UTM firewall (provincial model)' : 'UTM firewall (branch model)',
      dateBetween(random, '2020-03-01', '2022-11-30'),
      true,
    ]),
  );
  return { networkConnections: agencies.length, securedLans: secured.length };
}

/** Certificate figures of 2022 (plan, Part I, II.3.đ). */
export const certificateCounts = {
  organization: 479,
  personalUsbToken: 2029,
  personalSimPki: 74,
  issuedIn2022: 362,
  revokedIn2022: 139,
} as const;

const personalRoles = ['Lãnh đạo cơ quan', 'Văn thư', 'Cán bộ tiếp nhận và trả kết quả', 'Cán bộ số hóa hồ sơ', 'Kế toán', 'Chuyên viên'];

/** Spreads `count` items over agencies by weight, at least `minimum` each. */
function spread(random: Random, agencies: readonly AgencyRecord[], count: number, minimum: number, weight: (a: AgencyRecord) => number): AgencyRecord[] {
  const out: AgencyRecord[] = [];
  for (const agency of agencies) for (let i = 0; i < minimum; i++) out.push(agency);
  const weights = agencies.map(weight);
  while (out.length < count) out.push(random.weighted(agencies, weights));
  return out;
}

export async function seedCertificates(manager: EntityManager): Promise<{ certificates: number }> {
  const random = createRandom(842582);
  const agencies = loadAgencies();
  const weight = (a: AgencyRecord) => (a.level === 'PROVINCE' ? (a.kind === 'PARTY' ? 8 : 14) : a.level === 'DISTRICT' ? 12 : 3);
  type Row = { agency: AgencyRecord; kind: string; medium: string; role: string; status: string };
  const active: Row[] = [
    ...spread(random, agencies, certificateCounts.organization, 1, () => 1).map((agency) => ({ agency, kind: 'ORGANIZATION', medium: 'USB_TOKEN', role: 'Con dấu cơ quan', status: 'ACTIVE' })),
    ...spread(random, agencies, certificateCounts.personalUsbToken + certificateCounts.personalSimPki, 2, weight).map((agency) => ({
      agency,
      kind: 'PERSONAL',
      medium: 'USB_TOKEN',
      role: random.pick(personalRoles),
      status: 'ACTIVE',
    })),
  ];
  const personal = active.filter((row) => row.kind === 'PERSONAL');
  for (const row of random.shuffle(personal).slice(0, certificateCounts.personalSimPki)) row.medium = 'SIM_PKI';
  const newIn2022 = new Set(random.shuffle(active).slice(0, certificateCounts.issuedIn2022));
  const revoked: Row[] = spread(random, agencies, certificateCounts.revokedIn2022, 0, weight).map((agency) => {
    const organisation = random.next() < 0.12;
    return { agency, kind: organisation ? 'ORGANIZATION' : 'PERSONAL', medium: 'USB_TOKEN', role: organisation ? 'Con dấu cơ quan' : random.pick(personalRoles), status: 'REVOKED' };
  });
  const rows = [...active, ...revoked].map((row, index) => {
    const issuedOn = newIn2022.has(row) ? dateBetween(random, '2022-01-01', '2022-12-31') : dateBetween(random, '2016-01-01', '2021-12-31');
    return [
      `cts-${String(index + 1).padStart(5, '0')}`,
      `5403${Math.floor(random.next() * 0xffffffff).toString(16).padStart(8, '0')}${String(index + 1).padStart(5, '0')}`,
      row.agency.id,
      row.agency.level,
      row.kind,
      row.medium,
      row.role,
      row.status,
      issuedOn,
      row.status === 'REVOKED' ? dateBetween(random, '2022-01-01', '2022-12-31') : null,
      true,
    ];
  });
  await bulkInsert(
    manager,
    'certificate',
    ['id', 'serial', 'agency_id', 'agency_level', 'kind', 'medium', 'holder_role', 'status', 'issued_on', 'revoked_on', 'synthetic'],
    rows,
  );
  return { certificates: rows.length };
}
