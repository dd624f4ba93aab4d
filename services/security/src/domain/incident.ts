import { AlertSeverity, maxSeverity } from './severity';

export enum IncidentStatus {
  OPEN = 'OPEN',
  CONTAINED = 'CONTAINED',
  CLOSED = 'CLOSED',
}

/** OPEN → CONTAINED → CLOSED, or closed straight from OPEN; a closed incident is final. */
export const incidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  [IncidentStatus.OPEN]: [IncidentStatus.CONTAINED, IncidentStatus.CLOSED],
  [IncidentStatus.CONTAINED]: [IncidentStatus.CLOSED],
  [IncidentStatus.CLOSED]: [],
};

/** Why `from` → `to` is refused, or null (keeping the status is allowed). */
export function incidentTransitionProblem(id: string, from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to || incidentTransitions[from].includes(to)) return null;
  const allowed = incidentTransitions[from];
  return `cannot move incident ${id} from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none (closed)'}`;
}

/** What an incident takes from the alerts it groups: the worst severity, the earliest detection, the one system and agency they share. */
export function incidentFacts(alerts: ReadonlyArray<{ severity: AlertSeverity; firstSeen: Date; systemId: string | null; agencyId: string | null }>): {
  severity: AlertSeverity;
  detectedAt: Date;
  systemId: string | null;
  agencyId: string | null;
} {
  if (!alerts.length) throw new RangeError('an incident groups at least one alert');
  const shared = (values: Array<string | null>) => (new Set(values).size === 1 ? values[0]! : null);
  return {
    severity: alerts.map((alert) => alert.severity).reduce(maxSeverity),
    detectedAt: new Date(Math.min(...alerts.map((alert) => alert.firstSeen.getTime()))),
    systemId: shared(alerts.map((alert) => alert.systemId)),
    agencyId: shared(alerts.map((alert) => alert.agencyId)),
  };
}
