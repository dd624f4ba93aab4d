import { describe, expect, it } from 'vitest';
import { complianceCounts, share } from '../src/domain/compliance';
import { alertFingerprint } from '../src/domain/fingerprint';
import {
  approvalAuthority,
  GradingApprovalAuthority,
  GradingApprovalStatus,
  inspectionIntervalMonths,
  isInspectedAsRequired,
  isInspectionOverdue,
  nextInspectionDue,
} from '../src/domain/grading';
import { alertPriority } from '../src/domain/priority';
import { AlertSeverity, AlertSource, normaliseSeverity, SeverityFormatError, severityFromCvss } from '../src/domain/severity';
import { incidentSlaStatus, IncidentSlaStatus, isSlaBreached, reportDueAt } from '../src/domain/sla';
import { AlertStatus, canTransition, isOpen } from '../src/domain/workflow';

const { LOW, MEDIUM, HIGH, CRITICAL } = AlertSeverity;

describe('severity normalisation', () => {
  it.each([
    ['0', LOW], ['4', LOW], ['5', MEDIUM], ['7', MEDIUM], ['8', HIGH], ['11', HIGH], ['12', CRITICAL], ['15', CRITICAL],
  ])('Wazuh level %s is %s', (raw, expected) => {
    expect(normaliseSeverity(AlertSource.WAZUH, raw)).toBe(expected);
  });

  it.each([['1', CRITICAL], ['2', HIGH], ['3', MEDIUM], ['4', LOW], ['255', LOW]])('Suricata priority %s is %s (1 is the worst)', (raw, expected) => {
    expect(normaliseSeverity(AlertSource.SURICATA, raw)).toBe(expected);
  });

  it.each([
    ['Nghiêm trọng', CRITICAL], ['nghiem trong', CRITICAL], ['Cao', HIGH], ['Trung bình', MEDIUM], ['thấp', LOW],
    ['critical', CRITICAL], ['High', HIGH], ['9.8', CRITICAL], ['7.0', HIGH], ['6.9', MEDIUM], ['3.9', LOW],
  ])('NCSC/SOC "%s" is %s', (raw, expected) => {
    expect(normaliseSeverity(AlertSource.NCSC, raw)).toBe(expected);
    expect(normaliseSeverity(AlertSource.SOC, raw)).toBe(expected);
  });

  it.each([
    [AlertSource.WAZUH, '16'], [AlertSource.WAZUH, 'high'], [AlertSource.WAZUH, '-1'],
    [AlertSource.SURICATA, '0'], [AlertSource.SURICATA, 'critical'], [AlertSource.NCSC, 'urgent'], [AlertSource.SOC, '11.5'],
  ])('%s rejects "%s"', (source, raw) => {
    expect(() => normaliseSeverity(source, raw)).toThrow(SeverityFormatError);
  });

  it('follows the CVSS v3 rating bands', () => {
    expect([0, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityFromCvss)).toEqual([LOW, LOW, MEDIUM, MEDIUM, HIGH, HIGH, CRITICAL, CRITICAL]);
  });
});

describe('priority = severity × grading level', () => {
  it('multiplies the severity weight by the level', () => {
    expect(alertPriority(LOW, 1)).toBe(1);
    expect(alertPriority(MEDIUM, 3)).toBe(6);
    expect(alertPriority(HIGH, 4)).toBe(12);
    expect(alertPriority(CRITICAL, 5)).toBe(20);
  });

  it('counts an ungraded system as level 1', () => {
    expect(alertPriority(CRITICAL, null)).toBe(4);
    expect(alertPriority(HIGH, undefined)).toBe(3);
  });

  it('orders a critical alert on a level-2 system below a high one on a level-3 system', () => {
    expect(alertPriority(CRITICAL, 2)).toBeLessThan(alertPriority(HIGH, 3));
  });
});

describe('alert workflow', () => {
  const { NEW, ACKNOWLEDGED, INVESTIGATING, RESOLVED, FALSE_POSITIVE } = AlertStatus;

  it.each([
    [NEW, ACKNOWLEDGED], [NEW, FALSE_POSITIVE], [ACKNOWLEDGED, INVESTIGATING], [ACKNOWLEDGED, RESOLVED],
    [ACKNOWLEDGED, FALSE_POSITIVE], [INVESTIGATING, RESOLVED], [INVESTIGATING, FALSE_POSITIVE], [INVESTIGATING, INVESTIGATING],
    [RESOLVED, INVESTIGATING], [FALSE_POSITIVE, INVESTIGATING],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    [NEW, INVESTIGATING], [NEW, RESOLVED], [INVESTIGATING, ACKNOWLEDGED], [INVESTIGATING, NEW], [ACKNOWLEDGED, NEW],
    [RESOLVED, NEW], [RESOLVED, ACKNOWLEDGED], [FALSE_POSITIVE, ACKNOWLEDGED], [RESOLVED, FALSE_POSITIVE],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('treats NEW, ACKNOWLEDGED and INVESTIGATING as open', () => {
    expect(Object.values(AlertStatus).filter(isOpen)).toEqual([NEW, ACKNOWLEDGED, INVESTIGATING]);
  });
});

describe('grading (Decree 85/2016)', () => {
  const { APPROVED, PENDING, NOT_SUBMITTED } = GradingApprovalStatus;

  it('derives the approval authority from the level', () => {
    expect([1, 2, 3, 4, 5].map(approvalAuthority)).toEqual([
      GradingApprovalAuthority.OWNER_UNIT,
      GradingApprovalAuthority.OWNER_UNIT,
      GradingApprovalAuthority.OWNER,
      GradingApprovalAuthority.MINISTRY_APPRAISAL,
      GradingApprovalAuthority.MINISTRY_APPRAISAL,
    ]);
    expect(() => approvalAuthority(6)).toThrow(RangeError);
    expect(() => approvalAuthority(0)).toThrow(RangeError);
  });

  it('inspects levels 3 and 4 yearly, level 5 every six months, and sets nothing for 1–2', () => {
    expect([1, 2, 3, 4, 5].map(inspectionIntervalMonths)).toEqual([null, null, 12, 12, 6]);
    expect(nextInspectionDue(3, APPROVED, '2021-05-10', '2022-03-15')).toBe('2023-03-15');
    expect(nextInspectionDue(4, APPROVED, '2021-05-10', '2022-03-15')).toBe('2023-03-15');
    expect(nextInspectionDue(5, APPROVED, '2021-05-10', '2022-03-15')).toBe('2022-09-15');
    expect(nextInspectionDue(2, APPROVED, '2021-05-10', '2022-03-15')).toBeNull();
  });

  it('counts from the approval when never inspected, and clamps to the end of the month', () => {
    expect(nextInspectionDue(3, APPROVED, '2022-06-01', null)).toBe('2023-06-01');
    expect(nextInspectionDue(5, APPROVED, '2021-08-31', null)).toBe('2022-02-28');
    expect(nextInspectionDue(5, APPROVED, '2023-08-31', null)).toBe('2024-02-29');
  });

  it('has no due date before approval', () => {
    expect(nextInspectionDue(3, PENDING, null, null)).toBeNull();
    expect(nextInspectionDue(null, NOT_SUBMITTED, null, null)).toBeNull();
  });

  it('is overdue only after the due date', () => {
    expect(isInspectionOverdue('2023-03-15', '2023-03-15')).toBe(false);
    expect(isInspectionOverdue('2023-03-15', '2023-03-16')).toBe(true);
    expect(isInspectionOverdue(null, '2030-01-01')).toBe(false);
  });

  it('counts a graded system as inspected when inspected since approval and not overdue', () => {
    const base = { level: 3, approvalStatus: APPROVED, approvedDate: '2022-01-10', lastInspection: '2022-06-01' };
    expect(isInspectedAsRequired(base, '2023-01-01')).toBe(true);
    expect(isInspectedAsRequired(base, '2023-06-02')).toBe(false);
    expect(isInspectedAsRequired({ ...base, lastInspection: null }, '2022-02-01')).toBe(false);
    expect(isInspectedAsRequired({ ...base, lastInspection: '2021-12-01' }, '2022-02-01')).toBe(false);
    expect(isInspectedAsRequired({ ...base, level: 2 }, '2030-01-01')).toBe(true);
    expect(isInspectedAsRequired({ ...base, approvalStatus: PENDING }, '2022-07-01')).toBe(false);
  });

  it('counts profiles with the same rules', () => {
    const layers = { onSiteForce: true, professionalMonitoring: true, independentInspection: true, ncscConnected: true };
    const counts = complianceCounts(
      [
        { level: 3, approvalStatus: APPROVED, approvedDate: '2021-01-01', lastInspection: '2022-01-01', inDataCentre: true, ...layers },
        { level: 5, approvalStatus: APPROVED, approvedDate: '2021-01-01', lastInspection: '2022-12-01', inDataCentre: true, ...layers, ncscConnected: false },
        { level: 2, approvalStatus: PENDING, approvedDate: null, lastInspection: null, inDataCentre: false, ...layers },
        { level: null, approvalStatus: NOT_SUBMITTED, approvedDate: null, lastInspection: null, inDataCentre: false, ...layers, onSiteForce: false },
      ],
      '2023-02-01',
    );
    expect(counts).toMatchObject({
      systems: 4, graded: 2, pending: 1, notSubmitted: 1, inspectionsOverdue: 1, inspectedAsRequired: 1,
      fourLayerComplete: 2, dataCentreSystems: 2, dataCentreFourLayer: 1,
    });
    expect(counts.gradedByLevel).toEqual({ 1: 0, 2: 0, 3: 1, 4: 0, 5: 1 });
    expect(share(21, 47)).toBeCloseTo(44.68, 2);
    expect(share(0, 0)).toBeNull();
  });
});

describe('incident reporting clock', () => {
  const detected = new Date('2022-05-02T08:00:00Z');

  it('gives five days to report', () => {
    expect(reportDueAt(detected).toISOString()).toBe('2022-05-07T08:00:00.000Z');
  });

  it('tells due, overdue, on time and late apart', () => {
    const due = reportDueAt(detected);
    expect(incidentSlaStatus(due, null, new Date('2022-05-06T00:00:00Z'))).toBe(IncidentSlaStatus.DUE);
    expect(incidentSlaStatus(due, null, new Date('2022-05-07T08:00:01Z'))).toBe(IncidentSlaStatus.OVERDUE);
    expect(incidentSlaStatus(due, new Date('2022-05-07T08:00:00Z'))).toBe(IncidentSlaStatus.REPORTED_ON_TIME);
    expect(incidentSlaStatus(due, new Date('2022-05-08T00:00:00Z'))).toBe(IncidentSlaStatus.REPORTED_LATE);
    expect([IncidentSlaStatus.OVERDUE, IncidentSlaStatus.REPORTED_LATE].every(isSlaBreached)).toBe(true);
    expect([IncidentSlaStatus.DUE, IncidentSlaStatus.REPORTED_ON_TIME].some(isSlaBreached)).toBe(false);
  });
});

describe('fingerprints', () => {
  const base = { source: 'WAZUH', kind: 'VULNERABILITY', title: 'x', cve: 'CVE-2021-44228', serverId: 'vm-001', systemId: 'ioffice' };

  it('is stable and keyed on the finding and where it was seen', () => {
    expect(alertFingerprint(base)).toBe(alertFingerprint({ ...base, title: 'another title' }));
    expect(alertFingerprint(base)).not.toBe(alertFingerprint({ ...base, serverId: 'vm-002' }));
    expect(alertFingerprint({ ...base, cve: null, title: 'Directory  listing' })).toBe(alertFingerprint({ ...base, cve: null, title: 'directory listing ' }));
  });
});
