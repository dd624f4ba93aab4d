import { AlertSeverity } from './severity';

/** Legal reporting clock for an incident: notify the competent authority within 5 days of detection. */
export const incidentReportDays = 5;

const dayMs = 24 * 60 * 60 * 1000;

export function reportDueAt(detectedAt: Date): Date {
  return new Date(detectedAt.getTime() + incidentReportDays * dayMs);
}

export enum IncidentSlaStatus {
  /** Not yet reported and still within the deadline. */
  DUE = 'DUE',
  /** Not reported and past the deadline. */
  OVERDUE = 'OVERDUE',
  REPORTED_ON_TIME = 'REPORTED_ON_TIME',
  REPORTED_LATE = 'REPORTED_LATE',
}

export function incidentSlaStatus(dueAt: Date, reportedAt: Date | null, now: Date = new Date()): IncidentSlaStatus {
  if (reportedAt) return reportedAt <= dueAt ? IncidentSlaStatus.REPORTED_ON_TIME : IncidentSlaStatus.REPORTED_LATE;
  return now <= dueAt ? IncidentSlaStatus.DUE : IncidentSlaStatus.OVERDUE;
}

export function isSlaBreached(status: IncidentSlaStatus): boolean {
  return status === IncidentSlaStatus.OVERDUE || status === IncidentSlaStatus.REPORTED_LATE;
}

/** Hours an incident of a severity has to be contained and to be resolved, from detection. */
export interface SlaHours {
  contain: number;
  resolve: number;
}

export type SlaPolicy = Readonly<Record<AlertSeverity, SlaHours>>;

/** The SOC's defaults; INCIDENT_SLA_HOURS overrides any of them. */
export const defaultSlaPolicy: SlaPolicy = {
  [AlertSeverity.CRITICAL]: { contain: 4, resolve: 24 },
  [AlertSeverity.HIGH]: { contain: 8, resolve: 72 },
  [AlertSeverity.MEDIUM]: { contain: 24, resolve: 168 },
  [AlertSeverity.LOW]: { contain: 72, resolve: 720 },
};

const hourMs = 60 * 60 * 1000;

/**
 * Reads `CRITICAL=2/12,HIGH=8/48` (severity=contain/resolve hours) over the defaults; throws a
 * RangeError naming the entry at fault.
 */
export function parseSlaPolicy(text: string, base: SlaPolicy = defaultSlaPolicy): SlaPolicy {
  const policy: Record<AlertSeverity, SlaHours> = { ...base };
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^(LOW|MEDIUM|HIGH|CRITICAL)=(\d{1,5})\/(\d{1,5})$/.exec(entry);
    if (!match) throw new RangeError(`"${entry}" is not SEVERITY=containHours/resolveHours (e.g. CRITICAL=4/24)`);
    const [, severity, contain, resolve] = match as unknown as [string, AlertSeverity, string, string];
    if (Number(contain) < 1 || Number(resolve) < Number(contain)) throw new RangeError(`"${entry}": contain at least 1 hour and resolve no sooner than contain`);
    policy[severity] = { contain: Number(contain), resolve: Number(resolve) };
  }
  return policy;
}

export function slaDeadlines(severity: AlertSeverity, detectedAt: Date, policy: SlaPolicy): { containDueAt: Date; resolveDueAt: Date } {
  const hours = policy[severity];
  return { containDueAt: new Date(detectedAt.getTime() + hours.contain * hourMs), resolveDueAt: new Date(detectedAt.getTime() + hours.resolve * hourMs) };
}

/** A deadline is breached when the step came after it, or has not come and the deadline has passed. */
export function isDeadlineBreached(dueAt: Date | null, doneAt: Date | null, now: Date = new Date()): boolean {
  if (!dueAt) return false;
  return doneAt ? doneAt > dueAt : now > dueAt;
}

/** Hours before the legal deadline at which an unreported incident is announced as nearing it. */
export const reportWarningHours = 24;

export function isNearingReportDeadline(dueAt: Date, reportedAt: Date | null, now: Date = new Date()): boolean {
  return !reportedAt && now <= dueAt && dueAt.getTime() - now.getTime() <= reportWarningHours * hourMs;
}
