import { scoreCvssVector, vectorFromWazuhWords } from './cvss';
import {
  AlertKind,
  IngestFormatError,
  isCveId,
  isRecord,
  maxDescriptionLength,
  maxTitleLength,
  objectAt,
  optionalIp,
  optionalText,
  parseJsonObject,
  parseTimestamp,
  requiredText,
  SeverityScale,
  stringList,
  tacticIdsOf,
  techniqueIds,
  type NormalisedAlert,
} from './normalised-alert';
import { AlertSeverity, AlertSource, normaliseSeverity, severityFromCvss } from './severity';

/** Rule groups that mean malware on the host (rootcheck trojans, VirusTotal, YARA, ClamAV). */
const malwareGroups = new Set(['rootcheck', 'malware', 'virustotal', 'yara', 'clamd', 'trojan', 'rootkit']);

const vendorWords: Record<string, AlertSeverity> = {
  low: AlertSeverity.LOW,
  medium: AlertSeverity.MEDIUM,
  moderate: AlertSeverity.MEDIUM,
  high: AlertSeverity.HIGH,
  important: AlertSeverity.HIGH,
  critical: AlertSeverity.CRITICAL,
};

export type WazuhLine = { alert: NormalisedAlert } | { skipped: string };

/**
 * One line of Wazuh's `alerts.json`. Vulnerability-detector alerts are read in both shapes: before
 * 4.8 (`data.vulnerability.cvss.cvss3.{base_score, vector: {attack_vector: "network", …}}`) and
 * from 4.8 (`data.vulnerability.score.{base, version}`, `classification`, `enumeration`); a 4.8
 * "Solved" event (the package was fixed) is skipped, not raised.
 */
export function parseWazuhLine(line: string, now: Date = new Date()): WazuhLine {
  const event = parseJsonObject(line);
  const rule = objectAt(event, 'rule');
  if (!rule) throw new IngestFormatError('rule is missing');
  const id = requiredText(event.id, 'id', 64);
  const ruleId = requiredText(rule.id, 'rule.id', 16);
  if (!/^\d+$/.test(ruleId)) throw new IngestFormatError(`rule.id "${ruleId}" is not a Wazuh rule id (digits)`);
  const level = requiredText(rule.level, 'rule.level', 4);
  const manager = optionalText(objectAt(event, 'manager')?.name, 'manager.name', 128);
  const agent = objectAt(event, 'agent');
  const groups = stringList(rule.groups).map((group) => group.toLowerCase());
  const mitre = objectAt(rule, 'rule.mitre');
  const observedAt = parseTimestamp(event.timestamp, 'timestamp', now);
  const data = objectAt(event, 'data');
  const vulnerability = data && objectAt(data, 'data.vulnerability');

  const base: NormalisedAlert = {
    source: AlertSource.WAZUH,
    // Alert ids are unique per manager ("1715674931.1234567"): two managers may write the same one.
    sourceEventId: manager ? `${manager}/${id}` : id,
    kind: groups.some((group) => malwareGroups.has(group)) ? AlertKind.MALWARE : AlertKind.INTRUSION,
    ruleId,
    title: requiredText(rule.description, 'rule.description', maxTitleLength),
    description: hostDescription(event),
    severity: normaliseSeverity(AlertSource.WAZUH, level),
    rawSeverity: level,
    severityScale: SeverityScale.WAZUH_LEVEL,
    cve: null,
    cvssScore: null,
    cvssVector: null,
    observedAt,
    asset: {
      name: optionalText(agent?.name, 'agent.name', 253),
      ips: [optionalIp(agent?.ip, 'agent.ip')].filter((ip): ip is string => ip !== null),
    },
    mitreTechniques: techniqueIds(stringList(mitre?.id)),
    mitreTactics: tacticIdsOf(stringList(mitre?.tactic)),
  };
  if (!vulnerability && !groups.includes('vulnerability-detector')) return { alert: base };
  if (!vulnerability) throw new IngestFormatError('a vulnerability-detector alert needs data.vulnerability');
  const status = optionalText(vulnerability.status, 'data.vulnerability.status', 32);
  if (status && /^solved$/i.test(status)) return { skipped: 'vulnerability solved' };
  return { alert: { ...base, kind: AlertKind.VULNERABILITY, ...vulnerabilityFields(vulnerability, base) } };
}

/** What the host's log said: the file that changed (syscheck), or the raw log line. */
function hostDescription(event: Record<string, unknown>): string | null {
  const syscheck = objectAt(event, 'syscheck');
  const path = optionalText(syscheck?.path, 'syscheck.path', 1024);
  const log = optionalText(event.full_log, 'full_log', maxDescriptionLength);
  if (path) return optionalText(`${optionalText(syscheck?.event, 'syscheck.event', 32) ?? 'changed'}: ${path}${log ? `\n${log}` : ''}`, 'syscheck', maxDescriptionLength);
  return log;
}

function vulnerabilityFields(vulnerability: Record<string, unknown>, base: NormalisedAlert): Partial<NormalisedAlert> {
  // 4.8+ names the CVE `id` (with `enumeration: "CVE"`), earlier versions `cve`.
  const cve = requiredText(vulnerability.cve ?? vulnerability.id, 'data.vulnerability.cve', 32).toUpperCase();
  if (!isCveId(cve)) throw new IngestFormatError(`data.vulnerability.cve "${cve}" is not a CVE id (CVE-YYYY-NNNN)`);
  const { score, vector } = cvssOf(vulnerability);
  const word = optionalText(vulnerability.severity, 'data.vulnerability.severity', 32);
  const wordSeverity = word ? vendorWords[word.toLowerCase()] : undefined;
  const packageInfo = objectAt(vulnerability, 'data.vulnerability.package');
  const packageName = optionalText(packageInfo?.name, 'data.vulnerability.package.name', 200);
  const packageVersion = optionalText(packageInfo?.version, 'data.vulnerability.package.version', 100);
  const title = optionalText(vulnerability.title, 'data.vulnerability.title', maxTitleLength) ?? `${cve}${packageName ? ` affects ${packageName}` : ''}`;
  const description = optionalText(
    [packageName && `package ${packageName}${packageVersion ? ` ${packageVersion}` : ''}`, optionalText(vulnerability.rationale ?? vulnerability.description, 'data.vulnerability.description', maxDescriptionLength)]
      .filter(Boolean)
      .join('\n'),
    'data.vulnerability',
    maxDescriptionLength,
  );
  // The finding's own rating first; a CVSS score when it has none (or says "Untriaged"); the rule level last.
  const fromFinding =
    wordSeverity !== undefined
      ? { severity: wordSeverity, rawSeverity: word!, severityScale: SeverityScale.WORD }
      : score !== null
        ? { severity: severityFromCvss(score), rawSeverity: String(score), severityScale: SeverityScale.CVSS }
        : { severity: base.severity, rawSeverity: base.rawSeverity, severityScale: base.severityScale };
  return { cve, cvssScore: score, cvssVector: vector, title, description, ...fromFinding };
}

/** The CVSS score (computed from the vector when there is one) and the vector. */
function cvssOf(vulnerability: Record<string, unknown>): { score: number | null; vector: string | null } {
  const cvss = objectAt(vulnerability, 'data.vulnerability.cvss');
  const v3 = cvss && objectAt(cvss, 'data.vulnerability.cvss.cvss3');
  const rawVector = v3?.vector;
  const vector =
    typeof rawVector === 'string' ? rawVector : isRecord(rawVector) ? vectorFromWazuhWords(rawVector) : undefined;
  if (vector) {
    const scored = scoreCvssVector(vector);
    return { score: scored.score, vector: scored.vector };
  }
  const given = v3?.base_score ?? objectAt(vulnerability, 'data.vulnerability.score')?.base;
  if (given === undefined || given === null || given === '') return { score: null, vector: null };
  const score = Number(given);
  if (!(score >= 0 && score <= 10)) throw new IngestFormatError(`CVSS base score "${String(given).slice(0, 20)}" is not 0.0–10.0`);
  return { score, vector: null };
}
