import { scoreCvssVector } from './cvss';
import {
  AlertKind,
  IngestFormatError,
  isCveId,
  maxDescriptionLength,
  maxTitleLength,
  optionalIp,
  optionalText,
  parseTimestamp,
  requiredText,
  SeverityScale,
  tacticIdsOf,
  techniqueIds,
  type NormalisedAlert,
} from './normalised-alert';
import { AlertSource, normaliseSeverity } from './severity';

/** An alert as another tool submits it through `ingestAlerts` (already in our terms). */
export interface SubmittedAlert {
  source: AlertSource;
  sourceEventId: string;
  kind: AlertKind;
  ruleId: string;
  title: string;
  description?: string | null;
  rawSeverity: string;
  cve?: string | null;
  cvssVector?: string | null;
  cvssScore?: number | null;
  observedAt: string;
  assetName?: string | null;
  assetIp?: string | null;
  mitreTechniques?: readonly string[] | null;
  mitreTactics?: readonly string[] | null;
}

const scaleOf = (source: AlertSource, raw: string): SeverityScale =>
  source === AlertSource.WAZUH ? SeverityScale.WAZUH_LEVEL : source === AlertSource.SURICATA ? SeverityScale.SURICATA_PRIORITY : /^\d/.test(raw) ? SeverityScale.CVSS : SeverityScale.WORD;

/** Checks a submitted alert field by field (errors name the field) and reads it like a tool's line. */
export function normaliseSubmitted(item: SubmittedAlert, now: Date = new Date()): NormalisedAlert {
  const sourceEventId = requiredText(item.sourceEventId, 'sourceEventId', 200);
  const ruleId = requiredText(item.ruleId, 'ruleId', 64);
  const rawSeverity = requiredText(item.rawSeverity, 'rawSeverity', 32);
  const cve = optionalText(item.cve, 'cve', 32)?.toUpperCase() ?? null;
  if (cve && !isCveId(cve)) throw new IngestFormatError(`cve "${cve}" is not a CVE id (CVE-YYYY-NNNN)`);
  const vector = optionalText(item.cvssVector, 'cvssVector', 200);
  const scored = vector ? scoreCvssVector(vector) : null;
  const cvssScore = scored?.score ?? item.cvssScore ?? null;
  if (cvssScore !== null && !(cvssScore >= 0 && cvssScore <= 10)) throw new IngestFormatError(`cvssScore must be 0–10, got ${cvssScore}`);
  const assetName = optionalText(item.assetName, 'assetName', 253);
  const assetIp = optionalIp(item.assetIp, 'assetIp');
  if (!assetName && !assetIp) throw new IngestFormatError('give assetName or assetIp: the host the alert is about');
  return {
    source: item.source,
    sourceEventId,
    kind: item.kind,
    ruleId,
    title: requiredText(item.title, 'title', maxTitleLength),
    description: optionalText(item.description, 'description', maxDescriptionLength),
    severity: normaliseSeverity(item.source, rawSeverity),
    rawSeverity,
    severityScale: scaleOf(item.source, rawSeverity),
    cve,
    cvssScore,
    cvssVector: scored?.vector ?? null,
    observedAt: parseTimestamp(item.observedAt, 'observedAt', now),
    asset: { name: assetName, ips: assetIp ? [assetIp] : [] },
    mitreTechniques: techniqueIds(item.mitreTechniques ?? []),
    mitreTactics: tacticIdsOf(item.mitreTactics ?? []),
  };
}
