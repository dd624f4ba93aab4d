import { AlertSource } from './severity';

/** What a suppression rule mutes: a Wazuh rule, a Suricata signature, or a CVE from any source. */
export enum SuppressionTarget {
  WAZUH_RULE = 'WAZUH_RULE',
  SURICATA_SIGNATURE = 'SURICATA_SIGNATURE',
  CVE = 'CVE',
}

/** The longest a rule may mute: nothing stays silenced for good, an analyst must renew it. */
export const maxSuppressionDays = 90;

const dayMs = 24 * 60 * 60 * 1000;

/** What the matcher needs of a rule (the entity has more). */
export interface SuppressionRuleFacts {
  target: SuppressionTarget;
  value: string;
  /** The asset it applies to; null mutes it everywhere. */
  serverId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Unmuted by an analyst before it expired. */
  liftedAt: Date | null;
}

/** What the matcher needs of an incoming event, whichever path raises it (raiseAlert, ingest). */
export interface SuppressibleEvent {
  source: AlertSource;
  /** Wazuh `rule.id` or Suricata `alert.signature_id`, when the source has one. */
  ruleId?: string | null;
  cve?: string | null;
  serverId?: string | null;
  /** When the tool saw it: a rule mutes what happened inside its window. */
  observedAt: Date;
}

const valuePatterns: Record<SuppressionTarget, { pattern: RegExp; what: string }> = {
  [SuppressionTarget.WAZUH_RULE]: { pattern: /^\d{1,10}$/, what: 'a Wazuh rule id (digits, e.g. 5710)' },
  [SuppressionTarget.SURICATA_SIGNATURE]: { pattern: /^\d{1,10}$/, what: 'a Suricata signature id (digits, e.g. 2024897)' },
  [SuppressionTarget.CVE]: { pattern: /^CVE-\d{4}-\d{4,}$/, what: 'a CVE id (CVE-YYYY-NNNN)' },
};

/** Null when `value` names a thing of `target`'s kind, else what it should look like. */
export function suppressionValueProblem(target: SuppressionTarget, value: string): string | null {
  const { pattern, what } = valuePatterns[target];
  return pattern.test(value) ? null : `"${value}" is not ${what}`;
}

/** Null when [startsAt, endsAt) is a window a rule may have, else the problem (`now` bounds it). */
export function suppressionWindowProblem(startsAt: Date, endsAt: Date, now: Date = new Date()): string | null {
  if (endsAt <= startsAt) return `the window must end after it starts (${startsAt.toISOString()})`;
  if (endsAt <= now) return 'the window has already ended';
  if (endsAt.getTime() - startsAt.getTime() > maxSuppressionDays * dayMs) return `a rule mutes for at most ${maxSuppressionDays} days`;
  return null;
}

/** Whether the rule mutes events seen at `at`: inside its window and not lifted. */
export function isSuppressionActive(rule: SuppressionRuleFacts, at: Date): boolean {
  return rule.liftedAt === null && rule.startsAt <= at && at < rule.endsAt;
}

/** The identifier of the event a rule of `target` compares its value with. */
function eventValue(event: SuppressibleEvent, target: SuppressionTarget): string | null | undefined {
  switch (target) {
    case SuppressionTarget.WAZUH_RULE:
      return event.source === AlertSource.WAZUH ? event.ruleId : null;
    case SuppressionTarget.SURICATA_SIGNATURE:
      return event.source === AlertSource.SURICATA ? event.ruleId : null;
    case SuppressionTarget.CVE:
      return event.cve;
  }
}

/**
 * The rule that mutes `event`, or undefined. A rule for the event's own asset wins over one for
 * everywhere, so the asset rule's counter shows what that asset produced; ties keep list order.
 */
export function matchSuppression<R extends SuppressionRuleFacts>(rules: readonly R[], event: SuppressibleEvent): R | undefined {
  let everywhere: R | undefined;
  for (const rule of rules) {
    if (!isSuppressionActive(rule, event.observedAt)) continue;
    const value = eventValue(event, rule.target);
    if (!value || value !== rule.value) continue;
    if (rule.serverId === null) everywhere ??= rule;
    else if (rule.serverId === event.serverId) return rule;
  }
  return everywhere;
}
