import { describe, expect, it } from 'vitest';
import { incidentFacts, incidentTransitionProblem, IncidentStatus } from '../src/domain/incident';
import { AlertSeverity } from '../src/domain/severity';
import { defaultSlaPolicy, isDeadlineBreached, isNearingReportDeadline, parseSlaPolicy, slaDeadlines } from '../src/domain/sla';
import { AlertStatus, transitionProblem } from '../src/domain/workflow';
import { parseEnv } from '@ioc/kit';
import { securityEnvSchema } from '../src/env';

const at = (iso: string) => new Date(iso);
const hourMs = 60 * 60 * 1000;

describe('incident SLA policy', () => {
  it('overrides only the severities named', () => {
    const policy = parseSlaPolicy('CRITICAL=2/12, LOW=100/1000');
    expect(policy.CRITICAL).toEqual({ contain: 2, resolve: 12 });
    expect(policy.LOW).toEqual({ contain: 100, resolve: 1000 });
    expect(policy.HIGH).toEqual(defaultSlaPolicy.HIGH);
    expect(parseSlaPolicy('')).toEqual(defaultSlaPolicy);
  });

  it.each([['CRITICAL=4'], ['SEVERE=1/2'], ['HIGH=0/10'], ['HIGH=10/5']])('refuses %s, naming it', (text) => {
    expect(() => parseSlaPolicy(text)).toThrow(text);
  });

  it('is read from INCIDENT_SLA_HOURS by the env model, which names the variable at fault', () => {
    expect(parseEnv(securityEnvSchema, { INCIDENT_SLA_HOURS: 'MEDIUM=12/48' }).INCIDENT_SLA_HOURS.MEDIUM).toEqual({ contain: 12, resolve: 48 });
    expect(() => parseEnv(securityEnvSchema, { INCIDENT_SLA_HOURS: 'MEDIUM=12' })).toThrow(/INCIDENT_SLA_HOURS/);
    expect(() => parseEnv(securityEnvSchema, { WEBHOOK_URLS: 'http://127.0.0.1:9/hook' })).toThrow(/WEBHOOK_SECRET: is required/);
    expect(() => parseEnv(securityEnvSchema, { WEBHOOK_URLS: 'ftp://x', WEBHOOK_SECRET: 'x'.repeat(32) })).toThrow(/WEBHOOK_URLS/);
  });

  it('gives deadlines from detection and breaches them when the step is late or missing', () => {
    const detected = at('2026-12-01T00:00:00Z');
    const { containDueAt, resolveDueAt } = slaDeadlines(AlertSeverity.HIGH, detected, defaultSlaPolicy);
    expect(containDueAt.getTime() - detected.getTime()).toBe(8 * hourMs);
    expect(resolveDueAt.getTime() - detected.getTime()).toBe(72 * hourMs);
    expect(isDeadlineBreached(containDueAt, at('2026-12-01T07:59:00Z'), at('2026-12-09T00:00:00Z'))).toBe(false);
    expect(isDeadlineBreached(containDueAt, at('2026-12-01T08:01:00Z'))).toBe(true);
    expect(isDeadlineBreached(containDueAt, null, at('2026-12-01T07:00:00Z'))).toBe(false);
    expect(isDeadlineBreached(containDueAt, null, at('2026-12-01T09:00:00Z'))).toBe(true);
    expect(isDeadlineBreached(null, null)).toBe(false);
  });

  it('warns in the last 24 hours before an unreported legal deadline', () => {
    const due = at('2026-12-06T00:00:00Z');
    expect(isNearingReportDeadline(due, null, at('2026-12-04T23:00:00Z'))).toBe(false);
    expect(isNearingReportDeadline(due, null, at('2026-12-05T01:00:00Z'))).toBe(true);
    expect(isNearingReportDeadline(due, at('2026-12-05T00:30:00Z'), at('2026-12-05T01:00:00Z'))).toBe(false);
    expect(isNearingReportDeadline(due, null, at('2026-12-06T00:00:01Z'))).toBe(false);
  });
});

describe('incident grouping and workflow', () => {
  it('takes the worst severity, the earliest sighting and the system and agency only when shared', () => {
    const alerts = [
      { severity: AlertSeverity.MEDIUM, firstSeen: at('2026-12-02T00:00:00Z'), systemId: 'ioffice', agencyId: 'STTTT' },
      { severity: AlertSeverity.CRITICAL, firstSeen: at('2026-12-01T00:00:00Z'), systemId: 'ioffice', agencyId: 'STTTT' },
    ];
    expect(incidentFacts(alerts)).toEqual({ severity: AlertSeverity.CRITICAL, detectedAt: at('2026-12-01T00:00:00Z'), systemId: 'ioffice', agencyId: 'STTTT' });
    expect(incidentFacts([...alerts, { ...alerts[0]!, systemId: 'lgsp' }])).toMatchObject({ systemId: null, agencyId: 'STTTT' });
  });

  it('moves OPEN → CONTAINED → CLOSED, and a closed incident is final', () => {
    expect(incidentTransitionProblem('INC-1', IncidentStatus.OPEN, IncidentStatus.CLOSED)).toBeNull();
    expect(incidentTransitionProblem('INC-1', IncidentStatus.CONTAINED, IncidentStatus.OPEN)).toMatch(/allowed: CLOSED/);
    expect(incidentTransitionProblem('INC-1', IncidentStatus.CLOSED, IncidentStatus.OPEN)).toMatch(/none \(closed\)/);
  });

  it('names the note when a reopen gives none, the status when the move is not allowed', () => {
    expect(transitionProblem('alert-1', AlertStatus.RESOLVED, AlertStatus.INVESTIGATING, ' ')).toMatchObject({ argument: 'note' });
    expect(transitionProblem('alert-1', AlertStatus.RESOLVED, AlertStatus.INVESTIGATING, 'came back')).toBeNull();
    expect(transitionProblem('alert-1', AlertStatus.NEW, AlertStatus.RESOLVED)).toMatchObject({ argument: 'status' });
  });
});
