import { vietnamToday } from '@ioc/kit';

/** Decree 85/2016/NĐ-CP: information-system security levels 1 (lowest) to 5. */
export const minLevel = 1;
export const maxLevel = 5;

export enum GradingApprovalStatus {
  APPROVED = 'APPROVED',
  PENDING = 'PENDING',
  NOT_SUBMITTED = 'NOT_SUBMITTED',
}

/** Who approves the grading dossier (Decree 85, art. 12): follows from the level. */
export enum GradingApprovalAuthority {
  /** Levels 1–2: the unit in charge of IT/security of the system owner. */
  OWNER_UNIT = 'OWNER_UNIT',
  /** Level 3: the system owner (here the People's Committee or the agency head). */
  OWNER = 'OWNER',
  /** Levels 4–5: the owner approves after the specialised ministry (Ministry of Information and Communications) appraises. */
  MINISTRY_APPRAISAL = 'MINISTRY_APPRAISAL',
}

export function isValidLevel(level: number): boolean {
  return Number.isInteger(level) && level >= minLevel && level <= maxLevel;
}

export function approvalAuthority(level: number): GradingApprovalAuthority {
  if (!isValidLevel(level)) throw new RangeError(`security level must be 1–5, got ${level}`);
  if (level <= 2) return GradingApprovalAuthority.OWNER_UNIT;
  if (level === 3) return GradingApprovalAuthority.OWNER;
  return GradingApprovalAuthority.MINISTRY_APPRAISAL;
}

/** Months between periodic inspections: levels 3 and 4 yearly, level 5 every six months; none set for 1–2. */
export function inspectionIntervalMonths(level: number): number | null {
  if (level === 5) return 6;
  if (level === 3 || level === 4) return 12;
  return null;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDate(target);
}

/**
 * Next periodic inspection (ISO date) of an approved system: the interval after the last
 * inspection, or after approval when it was never inspected. Null when no level is approved or
 * the level has no periodic inspection.
 */
export function nextInspectionDue(
  level: number | null,
  status: GradingApprovalStatus,
  approvedDate: string | null,
  lastInspection: string | null,
): string | null {
  if (status !== GradingApprovalStatus.APPROVED || level === null) return null;
  const months = inspectionIntervalMonths(level);
  const from = lastInspection ?? approvedDate;
  if (months === null || !from) return null;
  return addMonths(from, months);
}

/** An approved system whose next inspection is before `asOf` (ISO date, today in Vietnam by default). */
export function isInspectionOverdue(nextDue: string | null, asOf: string = vietnamToday()): boolean {
  return nextDue !== null && nextDue < asOf;
}

/**
 * "Inspected and assessed as required": approved, inspected at least once since approval, and
 * with no periodic inspection overdue as of `asOf`.
 */
export function isInspectedAsRequired(
  profile: { level: number | null; approvalStatus: GradingApprovalStatus; approvedDate: string | null; lastInspection: string | null },
  asOf?: string,
): boolean {
  if (profile.approvalStatus !== GradingApprovalStatus.APPROVED || !profile.lastInspection) return false;
  if (profile.approvedDate && profile.lastInspection < profile.approvedDate) return false;
  return !isInspectionOverdue(nextInspectionDue(profile.level, profile.approvalStatus, profile.approvedDate, profile.lastInspection), asOf);
}

/** Directive 14/CT-TTg's four layers, all present. */
export function hasFourLayers(layers: { onSiteForce: boolean; professionalMonitoring: boolean; independentInspection: boolean; ncscConnected: boolean }): boolean {
  return layers.onSiteForce && layers.professionalMonitoring && layers.independentInspection && layers.ncscConnected;
}
