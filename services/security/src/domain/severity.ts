import { foldVietnamese } from '@ioc/kit';

/** Normalised severity, lowest first; the weight is the factor used in alert priority. */
export enum AlertSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum AlertSource {
  NCSC = 'NCSC',
  SOC = 'SOC',
  WAZUH = 'WAZUH',
  SURICATA = 'SURICATA',
}

export const severityWeight: Record<AlertSeverity, number> = {
  [AlertSeverity.LOW]: 1,
  [AlertSeverity.MEDIUM]: 2,
  [AlertSeverity.HIGH]: 3,
  [AlertSeverity.CRITICAL]: 4,
};

export function maxSeverity(a: AlertSeverity, b: AlertSeverity): AlertSeverity {
  return severityWeight[a] >= severityWeight[b] ? a : b;
}

/** Thrown when a source's raw severity cannot be read; resolvers turn it into BAD_USER_INPUT. */
export class SeverityFormatError extends Error {}

/** Wazuh rule levels 0–15: 0–4 low, 5–7 medium, 8–11 high, 12–15 critical. */
function fromWazuh(raw: string): AlertSeverity {
  if (!/^\d{1,2}$/.test(raw)) throw new SeverityFormatError(`Wazuh severity is a rule level 0–15, got "${raw}"`);
  const level = Number(raw);
  if (level > 15) throw new SeverityFormatError(`Wazuh severity is a rule level 0–15, got "${raw}"`);
  if (level >= 12) return AlertSeverity.CRITICAL;
  if (level >= 8) return AlertSeverity.HIGH;
  if (level >= 5) return AlertSeverity.MEDIUM;
  return AlertSeverity.LOW;
}

/** Suricata EVE `alert.severity` (signature priority): 1 is the worst. */
function fromSuricata(raw: string): AlertSeverity {
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 255) {
    throw new SeverityFormatError(`Suricata severity is a priority 1–255 (1 is the worst), got "${raw}"`);
  }
  const priority = Number(raw);
  if (priority === 1) return AlertSeverity.CRITICAL;
  if (priority === 2) return AlertSeverity.HIGH;
  if (priority === 3) return AlertSeverity.MEDIUM;
  return AlertSeverity.LOW;
}

const words: Record<string, AlertSeverity> = {
  low: AlertSeverity.LOW,
  thap: AlertSeverity.LOW,
  info: AlertSeverity.LOW,
  informational: AlertSeverity.LOW,
  medium: AlertSeverity.MEDIUM,
  moderate: AlertSeverity.MEDIUM,
  'trung binh': AlertSeverity.MEDIUM,
  high: AlertSeverity.HIGH,
  cao: AlertSeverity.HIGH,
  critical: AlertSeverity.CRITICAL,
  'nghiem trong': AlertSeverity.CRITICAL,
  'rat cao': AlertSeverity.CRITICAL,
  'dac biet nghiem trong': AlertSeverity.CRITICAL,
};

/** CVSS v3 qualitative ratings: 0.1–3.9 low, 4.0–6.9 medium, 7.0–8.9 high, 9.0–10.0 critical. */
export function severityFromCvss(score: number): AlertSeverity {
  if (!(score >= 0 && score <= 10)) throw new SeverityFormatError(`a CVSS score is 0.0–10.0, got ${score}`);
  if (score >= 9) return AlertSeverity.CRITICAL;
  if (score >= 7) return AlertSeverity.HIGH;
  if (score >= 4) return AlertSeverity.MEDIUM;
  return AlertSeverity.LOW;
}

/** NCSC bulletins and our own SOC: a word (English or Vietnamese, accents optional) or a CVSS score. */
function fromWordOrCvss(raw: string, source: string): AlertSeverity {
  const folded = foldVietnamese(raw);
  const word = words[folded];
  if (word) return word;
  if (/^\d{1,2}(\.\d)?$/.test(folded)) return severityFromCvss(Number(folded));
  throw new SeverityFormatError(`${source} severity is a word (low, medium, high, critical; thấp, trung bình, cao, nghiêm trọng) or a CVSS score, got "${raw}"`);
}

/** Reads a source's own severity scale into the normalised one; the raw value is kept beside it. */
export function normaliseSeverity(source: AlertSource, raw: string): AlertSeverity {
  const value = raw.trim();
  switch (source) {
    case AlertSource.WAZUH:
      return fromWazuh(value);
    case AlertSource.SURICATA:
      return fromSuricata(value);
    case AlertSource.NCSC:
    case AlertSource.SOC:
      return fromWordOrCvss(value, source);
  }
}
