import { GradingApprovalStatus, hasFourLayers, isInspectedAsRequired, isInspectionOverdue, nextInspectionDue } from './grading';

export interface ProfileFacts {
  level: number | null;
  approvalStatus: GradingApprovalStatus;
  approvedDate: string | null;
  lastInspection: string | null;
  inDataCentre: boolean;
  onSiteForce: boolean;
  professionalMonitoring: boolean;
  independentInspection: boolean;
  ncscConnected: boolean;
}

export interface ComplianceCounts {
  systems: number;
  graded: number;
  pending: number;
  notSubmitted: number;
  inspectionsOverdue: number;
  inspectedAsRequired: number;
  fourLayerComplete: number;
  dataCentreSystems: number;
  dataCentreFourLayer: number;
  /** Approved systems per level 1–5. */
  gradedByLevel: Record<number, number>;
}

/** Counts over a set of security profiles, with the same rules the per-profile fields use. */
export function complianceCounts(profiles: readonly ProfileFacts[], asOf?: string): ComplianceCounts {
  const counts: ComplianceCounts = {
    systems: profiles.length,
    graded: 0,
    pending: 0,
    notSubmitted: 0,
    inspectionsOverdue: 0,
    inspectedAsRequired: 0,
    fourLayerComplete: 0,
    dataCentreSystems: 0,
    dataCentreFourLayer: 0,
    gradedByLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
  };
  for (const profile of profiles) {
    if (profile.approvalStatus === GradingApprovalStatus.APPROVED) {
      counts.graded++;
      if (profile.level !== null) counts.gradedByLevel[profile.level] = (counts.gradedByLevel[profile.level] ?? 0) + 1;
    } else if (profile.approvalStatus === GradingApprovalStatus.PENDING) counts.pending++;
    else counts.notSubmitted++;
    const due = nextInspectionDue(profile.level, profile.approvalStatus, profile.approvedDate, profile.lastInspection);
    if (isInspectionOverdue(due, asOf)) counts.inspectionsOverdue++;
    if (isInspectedAsRequired(profile, asOf)) counts.inspectedAsRequired++;
    const complete = hasFourLayers(profile);
    if (complete) counts.fourLayerComplete++;
    if (profile.inDataCentre) {
      counts.dataCentreSystems++;
      if (complete) counts.dataCentreFourLayer++;
    }
  }
  return counts;
}

/** A percentage, null when there is nothing to measure. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}
