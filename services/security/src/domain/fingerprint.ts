import { createHash } from 'node:crypto';

/**
 * What makes two alerts "the same" when the source gives no fingerprint of its own: source,
 * kind, the finding (CVE or title) and where it was seen.
 */
export function alertFingerprint(parts: { source: string; kind: string; title: string; cve?: string | null; serverId?: string | null; systemId: string }): string {
  const finding = parts.cve ?? parts.title.trim().toLowerCase().replace(/\s+/g, ' ');
  const key = [parts.source, parts.kind, finding, parts.serverId ?? '-', parts.systemId].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * What makes two ingested events one alert: the source, the rule or signature, the asset (its
 * server, or the name or address the tool gave for an unknown one) and, for a vulnerability, the
 * CVE. Titles are left out: Wazuh and Suricata reword descriptions between rule revisions.
 */
export function ingestFingerprint(parts: { source: string; kind: string; ruleId: string; assetKey: string; cve?: string | null }): string {
  const key = ['ingest', parts.source, parts.kind, parts.ruleId, parts.assetKey, parts.cve ?? '-'].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
