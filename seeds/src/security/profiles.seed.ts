import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom, type Random } from '../random';
import { loadSystems, type SystemRecord } from '../shared/systems';

/** The plan: 21 of the 47 systems had an approved security level at the end of 2022. */
export const gradedSystems2022 = 21;

export interface ProfileSeedRow {
  systemId: string;
  ownerAgencyId: string;
  inDataCentre: boolean;
  level: number | null;
  approvalStatus: 'APPROVED' | 'PENDING' | 'NOT_SUBMITTED';
  approvedDate: string | null;
  decisionNumber: string | null;
  lastInspection: string | null;
  onSiteForce: boolean;
  professionalMonitoring: boolean;
  independentInspection: boolean;
  ncscConnected: boolean;
}

/** Levels a province gives its shared platforms (synthetic: the plan gives no per-system levels). */
const knownLevels: Record<string, number> = {
  'data-centre': 4,
  lgsp: 3,
  'shared-data-warehouse': 3,
  'citizen-data-store': 3,
  'public-service-portal': 3,
  'one-stop-system': 3,
  'provincial-portal': 3,
  ioffice: 3,
  'official-email': 3,
  soc: 3,
  'specialised-data-network': 3,
  'db-land': 3,
  'db-ehealth-records': 3,
};

function levelOf(system: SystemRecord, random: Random): number {
  const known = knownLevels[system.code];
  if (known) return known;
  if (system.category === 'DATA_PLATFORM' || system.category === 'INFRASTRUCTURE') return 3;
  if (system.category === 'SECTOR_DATABASE') return random.next() < 0.25 ? 1 : 2;
  return 2;
}

/**
 * The systems approved by the end of 2022: those the plan data marks (`securityLevelApproved2022`);
 * if that flag ever stops counting 21, the data-centre systems first, then by code, until 21.
 */
export function approvedSystemIds(systems: readonly SystemRecord[], count = gradedSystems2022): Set<string> {
  const flagged = systems.filter((system) => system.securityLevelApproved2022);
  if (flagged.length === count) return new Set(flagged.map((system) => system.code));
  const ranked = [...systems].sort(
    (a, b) =>
      Number(Boolean(b.securityLevelApproved2022)) - Number(Boolean(a.securityLevelApproved2022)) ||
      Number(b.inDataCentre) - Number(a.inDataCentre) ||
      a.code.localeCompare(b.code),
  );
  return new Set(ranked.slice(0, count).map((system) => system.code));
}

function dateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + Math.floor(random.next() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

export function buildProfiles(systems: readonly SystemRecord[] = loadSystems()): ProfileSeedRow[] {
  const random = createRandom(85_2016);
  const approved = approvedSystemIds(systems);
  let decision = 100;
  return systems.map((system) => {
    const level = levelOf(system, random);
    const isApproved = approved.has(system.code);
    // Not yet approved: data-centre systems have their dossiers in (the 2023 push), about a fifth of the rest too.
    const status = isApproved ? 'APPROVED' : system.inDataCentre || random.next() < 0.2 ? 'PENDING' : 'NOT_SUBMITTED';
    const approvedDate = isApproved ? dateBetween(random, '2019-06-01', '2022-10-31') : null;
    let lastInspection: string | null = null;
    if (isApproved && approvedDate) {
      // Graded systems of level 3+ had the yearly independent inspection in 2022 (a few slipped); about half of the rest were inspected once.
      if (level >= 3) lastInspection = random.next() < 0.85 ? dateBetween(random, approvedDate > '2022-03-01' ? approvedDate : '2022-03-01', '2022-12-15') : null;
      else if (random.next() < 0.5) lastInspection = dateBetween(random, approvedDate, '2022-12-15');
    }
    decision += 7 + Math.floor(random.next() * 40);
    const monitored = system.inDataCentre || system.code === 'specialised-data-network' || system.code === 'video-conference';
    return {
      systemId: system.code,
      ownerAgencyId: system.ownerAgencyCode,
      inDataCentre: system.inDataCentre,
      level: status === 'NOT_SUBMITTED' ? null : level,
      approvalStatus: status,
      approvedDate,
      decisionNumber: isApproved ? `${decision}/QĐ-${level >= 3 ? 'UBND' : system.ownerAgencyCode}` : null,
      lastInspection,
      // Layer 1: data-centre systems are run by the department's own staff; elsewhere about two in three agencies have someone.
      onSiteForce: system.inDataCentre || random.next() < 0.65,
      // Layer 2: the outsourced SOC watches the data centre and the networks the department runs.
      professionalMonitoring: monitored,
      // Layer 3: the yearly independent assessment covers graded data-centre systems.
      independentInspection: (system.inDataCentre && isApproved) || (isApproved && lastInspection !== null && random.next() < 0.5),
      // Layer 4: the SOC shares with NCSC for everything it monitors.
      ncscConnected: monitored,
    };
  });
}

export async function seedProfiles(manager: EntityManager, rows: readonly ProfileSeedRow[]): Promise<number> {
  // Keep approvals recorded since (DO NOTHING): a re-seed never undoes an operator's change.
  return bulkInsert(
    manager,
    'security_profile',
    [
      'system_id', 'owner_agency_id', 'in_data_centre', 'level', 'approval_status', 'approved_date', 'decision_number', 'last_inspection',
      'on_site_force', 'professional_monitoring', 'independent_inspection', 'ncsc_connected', 'synthetic',
    ],
    rows.map((row) => [
      row.systemId, row.ownerAgencyId, row.inDataCentre, row.level, row.approvalStatus, row.approvedDate, row.decisionNumber, row.lastInspection,
      row.onSiteForce, row.professionalMonitoring, row.independentInspection, row.ncscConnected, true,
    ]),
  );
}
