import {
  AlertKind,
  IngestFormatError,
  isCveId,
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
import { AlertSource, normaliseSeverity } from './severity';

/** Categories and signature prefixes of the ET ruleset that mean malware rather than an intrusion attempt. */
const malwareCategories = new Set(['a network trojan was detected', 'malware command and control activity detected']);
const malwareSignature = /^(ET|ETPRO) (MALWARE|TROJAN|MOBILE_MALWARE)\b/;

export type SuricataLine = { alert: NormalisedAlert } | { skipped: string };

/**
 * `flow_id` as written: a 64-bit integer that JSON.parse would round past 2^53, making two flows
 * look like one. Read from the text (the top-level key, not one quoted inside a string).
 */
function flowIdText(line: string, parsed: unknown): string {
  const match = /(?<!\\)"flow_id"\s*:\s*(\d{1,20})\b/.exec(line);
  if (typeof parsed !== 'number' || !match || Number(match[1]) !== parsed) throw new IngestFormatError('flow_id is missing or not an integer');
  return match[1]!;
}

/**
 * One line of Suricata's EVE JSON. `event_type: "alert"` becomes an alert; any other event type
 * (flow, dns, http, tls, stats, …) is skipped. The source event is the flow, the time and the
 * signature: Suricata logs no id of its own for an alert.
 */
export function parseSuricataLine(line: string, now: Date = new Date()): SuricataLine {
  const event = parseJsonObject(line);
  const eventType = requiredText(event.event_type, 'event_type', 32);
  if (eventType !== 'alert') return { skipped: eventType };
  const alert = objectAt(event, 'alert');
  if (!alert) throw new IngestFormatError('an alert event needs alert');
  const flowId = flowIdText(line, event.flow_id);
  const timestamp = requiredText(event.timestamp, 'timestamp', 64);
  const observedAt = parseTimestamp(timestamp, 'timestamp', now);
  const signatureId = requiredText(alert.signature_id, 'alert.signature_id', 12);
  if (!/^\d+$/.test(signatureId)) throw new IngestFormatError(`alert.signature_id "${signatureId}" is not a signature id (digits)`);
  const rev = optionalText(alert.rev, 'alert.rev', 8);
  const severity = requiredText(alert.severity, 'alert.severity', 4);
  const signature = requiredText(alert.signature, 'alert.signature', maxTitleLength);
  const category = optionalText(alert.category, 'alert.category', 200);
  const action = optionalText(alert.action, 'alert.action', 16);
  const proto = optionalText(event.proto, 'proto', 16);
  const src = { ip: optionalIp(event.src_ip, 'src_ip'), port: optionalText(event.src_port, 'src_port', 5) };
  const dest = { ip: optionalIp(event.dest_ip, 'dest_ip'), port: optionalText(event.dest_port, 'dest_port', 5) };
  const metadata = objectAt(alert, 'alert.metadata');
  const cve = stringList(metadata?.cve).map((id) => id.trim().toUpperCase().replace(/_/g, '-')).find(isCveId) ?? null;
  const flow = `${src.ip ?? '?'}:${src.port ?? '?'} → ${dest.ip ?? '?'}:${dest.port ?? '?'}${proto ? ` ${proto}` : ''}`;
  return {
    alert: {
      source: AlertSource.SURICATA,
      sourceEventId: `${flowId}:${timestamp}:${signatureId}`,
      kind: (category && malwareCategories.has(category.toLowerCase())) || malwareSignature.test(signature) ? AlertKind.MALWARE : AlertKind.INTRUSION,
      ruleId: signatureId,
      title: signature,
      description: [`${flow}`, category && `category: ${category}`, action && `action: ${action}`, `sid ${signatureId}${rev ? ` rev ${rev}` : ''}`].filter(Boolean).join('; '),
      severity: normaliseSeverity(AlertSource.SURICATA, severity),
      rawSeverity: severity,
      severityScale: SeverityScale.SURICATA_PRIORITY,
      cve,
      cvssScore: null,
      cvssVector: null,
      observedAt,
      // The monitored end of the flow is usually the destination (an attack) but may be the source (malware calling out).
      asset: { name: null, ips: [dest.ip, src.ip].filter((ip): ip is string => ip !== null) },
      mitreTechniques: techniqueIds(stringList(metadata?.mitre_technique_id)),
      mitreTactics: tacticIdsOf([...stringList(metadata?.mitre_tactic_id), ...stringList(metadata?.mitre_tactic_name)]),
    },
  };
}
