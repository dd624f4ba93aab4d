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
