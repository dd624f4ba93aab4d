import { severityWeight, type AlertSeverity } from './severity';

/**
 * Priority = severity weight (LOW 1 … CRITICAL 4) × the system's grading level (1–5).
 * A system without a level (grading not submitted) counts as level 1 until one is proposed.
 * Ranges 1 (low alert on a level-1 system) to 20 (critical alert on a level-5 system).
 */
export function alertPriority(severity: AlertSeverity, level: number | null | undefined): number {
  const factor = level && level >= 1 && level <= 5 ? level : 1;
  return severityWeight[severity] * factor;
}
