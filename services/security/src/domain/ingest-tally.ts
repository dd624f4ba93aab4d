import type { BatchOutcome } from '../stores/alert-ingest.store';

/** Rejections listed in a response; `rejectedTotal` counts the rest, so a body of junk cannot make a huge answer. */
export const maxListedRejections = 1000;

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  skipped: number;
  suppressed: number;
  rejected: Array<{ line: number; error: string }>;
  rejectedTotal: number;
}

/** The counts an ingest answers with (docs/soc.md), added up batch by batch. */
export class IngestTally {
  private readonly counts: IngestSummary = { accepted: 0, duplicates: 0, skipped: 0, suppressed: 0, rejected: [], rejectedTotal: 0 };

  add(outcome: BatchOutcome): void {
    this.counts.accepted += outcome.accepted;
    this.counts.duplicates += outcome.duplicates;
    this.counts.suppressed += outcome.suppressed;
  }

  skip(): void {
    this.counts.skipped += 1;
  }

  reject(line: number, error: string): void {
    this.counts.rejectedTotal += 1;
    if (this.counts.rejected.length < maxListedRejections) this.counts.rejected.push({ line, error });
  }

  /** Events written so far (new, repeated or muted). */
  get committed(): number {
    return this.counts.accepted + this.counts.duplicates + this.counts.suppressed;
  }

  summary(): IngestSummary {
    return { ...this.counts, rejected: [...this.counts.rejected] };
  }
}
