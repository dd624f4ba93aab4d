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
