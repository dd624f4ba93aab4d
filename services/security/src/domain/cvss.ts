import { CVSS } from '@turingpointde/cvss.js';
import { IngestFormatError } from './normalised-alert';

/** A CVSS vector checked and scored by the library (v3.0, v3.1, v4.0): the base score is computed, never trusted from the tool. */
export function scoreCvssVector(vector: string): { vector: string; score: number } {
  const trimmed = vector.trim();
  if (!/^CVSS:(3\.[01]|4\.0)\//.test(trimmed)) throw new IngestFormatError(`CVSS vector "${trimmed.slice(0, 80)}" must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/`);
  let score: number;
  try {
    score = CVSS(trimmed).getScore();
  } catch (error) {
    throw new IngestFormatError(`CVSS vector "${trimmed.slice(0, 80)}" is not valid: ${(error as Error).message}`);
  }
  return { vector: trimmed, score };
}

/** Wazuh (before 4.8) spells CVSS v3 metrics as words; these are their letters in a vector string. */
const v3Metrics: Array<{ key: string; abbr: string; values: Record<string, string> }> = [
  { key: 'attack_vector', abbr: 'AV', values: { network: 'N', adjacent_network: 'A', adjacent: 'A', local: 'L', physical: 'P' } },
  { key: 'access_complexity', abbr: 'AC', values: { low: 'L', high: 'H' } },
  { key: 'privileges_required', abbr: 'PR', values: { none: 'N', low: 'L', high: 'H' } },
  { key: 'user_interaction', abbr: 'UI', values: { none: 'N', required: 'R' } },
  { key: 'scope', abbr: 'S', values: { unchanged: 'U', changed: 'C' } },
  { key: 'confidentiality_impact', abbr: 'C', values: { none: 'N', low: 'L', high: 'H' } },
  { key: 'integrity_impact', abbr: 'I', values: { none: 'N', low: 'L', high: 'H' } },
  { key: 'availability', abbr: 'A', values: { none: 'N', low: 'L', high: 'H' } },
];

/**
 * `data.vulnerability.cvss.cvss3.vector` of a pre-4.8 Wazuh alert (`{attack_vector: "network", …}`)
 * as a CVSS:3.1 vector string; undefined when a metric is missing or unknown.
 */
export function vectorFromWazuhWords(words: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const metric of v3Metrics) {
    const raw = words[metric.key] ?? (metric.key === 'availability' ? words.availability_impact : undefined);
    const letter = typeof raw === 'string' ? metric.values[raw.trim().toLowerCase().replace(/\s+/g, '_')] : undefined;
    if (!letter) return undefined;
    parts.push(`${metric.abbr}:${letter}`);
  }
  return `CVSS:3.1/${parts.join('/')}`;
}
