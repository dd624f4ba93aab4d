export enum AlertStatus {
  NEW = 'NEW',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  INVESTIGATING = 'INVESTIGATING',
  RESOLVED = 'RESOLVED',
  FALSE_POSITIVE = 'FALSE_POSITIVE',
}

/** Statuses in which an alert still needs work; a repeat of its fingerprint bumps it instead of opening a new one. */
export const openStatuses: readonly AlertStatus[] = [AlertStatus.NEW, AlertStatus.ACKNOWLEDGED, AlertStatus.INVESTIGATING];

/**
 * NEW → ACKNOWLEDGED → INVESTIGATING → RESOLVED / FALSE_POSITIVE. Triage may close an alert as
 * a false positive at any open step and resolve it straight from ACKNOWLEDGED; closed alerts are
 * final (a recurrence opens a new alert with the same fingerprint).
 */
export const transitions: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  [AlertStatus.NEW]: [AlertStatus.ACKNOWLEDGED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.ACKNOWLEDGED]: [AlertStatus.INVESTIGATING, AlertStatus.RESOLVED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.INVESTIGATING]: [AlertStatus.RESOLVED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.RESOLVED]: [],
  [AlertStatus.FALSE_POSITIVE]: [],
};

export function isOpen(status: AlertStatus): boolean {
  return openStatuses.includes(status);
}

/** Keeping the same status is allowed (an assignee-only change, or a retried request). */
export function canTransition(from: AlertStatus, to: AlertStatus): boolean {
  return from === to || transitions[from].includes(to);
}
