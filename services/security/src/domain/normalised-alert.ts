import { AlertSeverity, AlertSource } from './severity';

/** What an alert is about. Lives here (not in the GraphQL enums) so parsers and seeds can use it. */
export enum AlertKind {
  VULNERABILITY = 'VULNERABILITY',
  MALWARE = 'MALWARE',
  INTRUSION = 'INTRUSION',
}

/** The scale a raw severity was read on; kept beside the raw value so it can be read back. */
export enum SeverityScale {
  /** Wazuh rule level 0–15 (15 the worst). */
  WAZUH_LEVEL = 'WAZUH_LEVEL',
  /** Suricata signature priority 1–255 (1 the worst). */
  SURICATA_PRIORITY = 'SURICATA_PRIORITY',
  /** A CVSS base score 0.0–10.0 (from the vector when there is one). */
  CVSS = 'CVSS',
  /** A word: low, medium, high, critical (a scanner's own rating, NCSC bulletins). */
  WORD = 'WORD',
}

/** The host an event names, as the tool named it; linked to a monitored server when known. */
export interface AssetRef {
  /** Wazuh `agent.name`, or a host name. */
  name: string | null;
  /** Wazuh `agent.ip`, or for Suricata the internal end of the flow (both are tried). */
  ips: string[];
}

/** One event from a tool, in the shape every source is read into before it is stored. */
export interface NormalisedAlert {
  source: AlertSource;
  /** The source's own id of this event: re-sending it is a duplicate, not a new occurrence. */
  sourceEventId: string;
  kind: AlertKind;
  /** Wazuh `rule.id`, Suricata `alert.signature_id`, or another tool's rule; part of the fingerprint. */
  ruleId: string;
  title: string;
  description: string | null;
  severity: AlertSeverity;
  rawSeverity: string;
  severityScale: SeverityScale;
  cve: string | null;
  cvssScore: number | null;
  cvssVector: string | null;
  observedAt: Date;
  asset: AssetRef;
  /** ATT&CK technique ids (T1110, T1059.001) and tactic ids (TA0006). */
  mitreTechniques: string[];
  mitreTactics: string[];
}

/** A line or item that cannot become an alert: the message says which field and why. */
export class IngestFormatError extends Error {}

/** Longest text kept from a tool (titles, descriptions): hostile lines cannot bloat rows. */
export const maxTitleLength = 500;
export const maxDescriptionLength = 2000;

const techniquePattern = /^T\d{4}(\.\d{3})?$/;
const tacticPattern = /^TA\d{4}$/;
const cvePattern = /^CVE-\d{4}-\d{4,}$/;

/** ATT&CK Enterprise tactics: Wazuh names them (`rule.mitre.tactic`), Suricata's ET metadata names or numbers them. */
const tacticIds: Record<string, string> = {
  reconnaissance: 'TA0043',
  'resource development': 'TA0042',
  'initial access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege escalation': 'TA0004',
  'defense evasion': 'TA0005',
  'credential access': 'TA0006',
  discovery: 'TA0007',
  'lateral movement': 'TA0008',
  collection: 'TA0009',
  'command and control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};

/** A tactic id from an id or a name (`Credential Access`, `Credential_Access`); undefined when unknown. */
export function tacticId(value: string): string | undefined {
  const trimmed = value.trim();
  if (tacticPattern.test(trimmed)) return trimmed;
  return tacticIds[trimmed.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')];
}

/** Technique ids that look like ATT&CK's, deduplicated and sorted; anything else is dropped. */
export function techniqueIds(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string' && techniquePattern.test(value.trim())).map((value) => value.trim()))].sort();
}

export function tacticIdsOf(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string').map(tacticId).filter((id): id is string => Boolean(id)))].sort();
}

export function isCveId(value: string): boolean {
  return cvePattern.test(value);
}

/** The line's JSON object, or an IngestFormatError saying why it is not one. */
export function parseJsonObject(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new IngestFormatError(`not JSON (truncated or malformed): ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new IngestFormatError(`expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : typeof value}`);
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[path]` as an object, or undefined; a present non-object is an error naming the path. */
export function objectAt(value: Record<string, unknown>, path: string): Record<string, unknown> | undefined {
  const found = value[path.split('.').pop()!];
  if (found === undefined || found === null) return undefined;
  if (!isRecord(found)) throw new IngestFormatError(`${path} must be an object`);
  return found;
}

/** A required string (numbers accepted: tools write ids both ways), trimmed and capped. */
export function requiredText(value: unknown, path: string, max = 256): string {
  const text = optionalText(value, path, max);
  if (text === null) throw new IngestFormatError(`${path} is missing`);
  return text;
}

export function optionalText(value: unknown, path: string, max = 256): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new IngestFormatError(`${path} must be a string`);
  // NUL and other control characters (but tabs and newlines) have no place in an alert and break PostgreSQL text.
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!cleaned) return null;
  if (cleaned.length > max) return `${cleaned.slice(0, max - 1)}…`;
  return cleaned;
}

/** Strings of an array field (or one string), anything else dropped. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/** A tool's timestamp: ISO 8601 with an offset (Wazuh writes +0000, Suricata +0700); not in the future. */
export function parseTimestamp(value: unknown, path: string, now: Date): Date {
  const text = requiredText(value, path, 64);
  // ISO 8601 with a zone; PostgreSQL and Date both read "+0000" once it has a colon.
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!match) throw new IngestFormatError(`${path} "${text}" is not an ISO 8601 timestamp with a zone`);
  const zone = match[3] === 'Z' ? 'Z' : `${match[3]!.slice(0, 3)}:${match[3]!.slice(-2)}`;
  const fraction = match[2]!.includes('.') ? match[2]!.replace(/(\.\d{3})\d+$/, '$1') : match[2]!;
  const at = new Date(`${match[1]}T${fraction}${zone}`);
  if (Number.isNaN(at.getTime())) throw new IngestFormatError(`${path} "${text}" is not a real date`);
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new IngestFormatError(`${path} "${text}" is in the future`);
  if (at.getUTCFullYear() < 2000) throw new IngestFormatError(`${path} "${text}" is before 2000`);
  return at;
}

const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const ipv6Pattern = /^[0-9a-f:]{2,39}$/i;

/** An IP address as written, or null when the field is empty or says "any". */
export function optionalIp(value: unknown, path: string): string | null {
  const text = optionalText(value, path, 64);
  if (text === null || text === 'any') return null;
  if (!ipv4Pattern.test(text) && !(text.includes(':') && ipv6Pattern.test(text))) throw new IngestFormatError(`${path} "${text}" is not an IP address`);
  return text.toLowerCase();
}

export { AlertSeverity, AlertSource };
