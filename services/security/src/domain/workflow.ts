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
 * a false positive at any open step and resolve it straight from ACKNOWLEDGED. A closed alert may
 * be reopened (back to INVESTIGATING, with a reason) while no other alert with its fingerprint is
 * open; a recurrence after closing opens a new alert with the same fingerprint.
 */
export const transitions: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  [AlertStatus.NEW]: [AlertStatus.ACKNOWLEDGED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.ACKNOWLEDGED]: [AlertStatus.INVESTIGATING, AlertStatus.RESOLVED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.INVESTIGATING]: [AlertStatus.RESOLVED, AlertStatus.FALSE_POSITIVE],
  [AlertStatus.RESOLVED]: [AlertStatus.INVESTIGATING],
  [AlertStatus.FALSE_POSITIVE]: [AlertStatus.INVESTIGATING],
};

/** A move from a closed status back to an open one: it needs a reason. */
export function isReopen(from: AlertStatus, to: AlertStatus): boolean {
  return !isOpen(from) && isOpen(to);
}

/**
 * Why `from` → `to` is refused and which argument is at fault, or null when allowed (keeping the
 * status is allowed: an assignee-only change, or a retried request). `label` names the alert.
 */
export function transitionProblem(label: string, from: AlertStatus, to: AlertStatus, note?: string | null): { argument: 'status' | 'note'; message: string } | null {
  if (!canTransition(from, to)) return { argument: 'status', message: `cannot move ${label} from ${from} to ${to}; allowed: ${transitions[from].join(', ')}` };
  if (from !== to && isReopen(from, to) && !note?.trim()) return { argument: 'note', message: `reopening ${label} (${from} → ${to}) needs a note saying why` };
  return null;
}

export function isOpen(status: AlertStatus): boolean {
  return openStatuses.includes(status);
}

/** Keeping the same status is allowed (an assignee-only change, or a retried request). */
export function canTransition(from: AlertStatus, to: AlertStatus): boolean {
  return from === to || transitions[from].includes(to);
}
