import { describe, expect, it } from 'vitest';
import { AlertSource } from '../src/domain/severity';
import {
  isSuppressionActive,
  matchSuppression,
  suppressionValueProblem,
  suppressionWindowProblem,
  SuppressionTarget,
  type SuppressionRuleFacts,
} from '../src/domain/suppression';

const at = (iso: string) => new Date(iso);
const rule = (change: Partial<SuppressionRuleFacts> & { name: string }): SuppressionRuleFacts & { name: string } => ({
  target: SuppressionTarget.WAZUH_RULE,
  value: '5710',
  serverId: null,
  startsAt: at('2026-12-01T00:00:00Z'),
  endsAt: at('2026-12-08T00:00:00Z'),
  liftedAt: null,
  ...change,
});
const wazuh = { source: AlertSource.WAZUH, ruleId: '5710', serverId: 'vm-001', observedAt: at('2026-12-02T00:00:00Z') };

describe('suppression matcher', () => {
  it('mutes a matching event inside the window, not before it starts or from its end on', () => {
    const everywhere = rule({ name: 'everywhere' });
    expect(matchSuppression([everywhere], wazuh)?.name).toBe('everywhere');
    expect(matchSuppression([everywhere], { ...wazuh, observedAt: at('2026-11-30T23:59:59Z') })).toBeUndefined();
    expect(matchSuppression([everywhere], { ...wazuh, observedAt: at('2026-12-08T00:00:00Z') })).toBeUndefined();
  });

  it('a lifted rule mutes nothing', () => {
    expect(matchSuppression([rule({ name: 'lifted', liftedAt: at('2026-12-01T12:00:00Z') })], wazuh)).toBeUndefined();
    expect(isSuppressionActive(rule({ name: 'lifted', liftedAt: at('2026-12-01T12:00:00Z') }), wazuh.observedAt)).toBe(false);
  });

  it('a rule for the event\'s asset wins over one for everywhere; another asset\'s rule does not apply', () => {
    const rules = [rule({ name: 'everywhere' }), rule({ name: 'other', serverId: 'vm-002' }), rule({ name: 'own', serverId: 'vm-001' })];
    expect(matchSuppression(rules, wazuh)?.name).toBe('own');
    expect(matchSuppression(rules.slice(0, 2), wazuh)?.name).toBe('everywhere');
    expect(matchSuppression([rule({ name: 'other', serverId: 'vm-002' })], wazuh)).toBeUndefined();
  });

  it('rule ids are per source: a Wazuh rule does not mute a Suricata signature with the same number', () => {
    const suricata = { ...wazuh, source: AlertSource.SURICATA };
    expect(matchSuppression([rule({ name: 'wazuh' })], suricata)).toBeUndefined();
    expect(matchSuppression([rule({ name: 'sig', target: SuppressionTarget.SURICATA_SIGNATURE })], suricata)?.name).toBe('sig');
  });

  it('a CVE rule mutes that CVE from any source, and nothing without a CVE', () => {
    const cve = rule({ name: 'cve', target: SuppressionTarget.CVE, value: 'CVE-2021-44228' });
    expect(matchSuppression([cve], { source: AlertSource.NCSC, cve: 'CVE-2021-44228', observedAt: wazuh.observedAt })?.name).toBe('cve');
    expect(matchSuppression([cve], { ...wazuh, cve: 'CVE-2021-45046' })).toBeUndefined();
    expect(matchSuppression([cve], wazuh)).toBeUndefined();
  });

  it('checks values and windows with messages that say what is wrong', () => {
    expect(suppressionValueProblem(SuppressionTarget.CVE, 'CVE-2021-44228')).toBeNull();
    expect(suppressionValueProblem(SuppressionTarget.CVE, 'log4shell')).toMatch(/not a CVE id/);
    expect(suppressionValueProblem(SuppressionTarget.WAZUH_RULE, '57a')).toMatch(/Wazuh rule id/);
    const now = at('2026-12-02T00:00:00Z');
    expect(suppressionWindowProblem(at('2026-12-02T00:00:00Z'), at('2026-12-03T00:00:00Z'), now)).toBeNull();
    expect(suppressionWindowProblem(at('2026-12-03T00:00:00Z'), at('2026-12-02T00:00:00Z'), now)).toMatch(/end after it starts/);
    expect(suppressionWindowProblem(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'), now)).toMatch(/already ended/);
    expect(suppressionWindowProblem(now, at('2027-06-01T00:00:00Z'), now)).toMatch(/at most 90 days/);
  });
});
