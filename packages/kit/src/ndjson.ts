import type { ServerResponse } from 'node:http';

/** One line of an NDJSON body: its 1-based number and text, or that it was longer than allowed. */
export type NdjsonLine = { number: number; text: string } | { number: number; oversizedBytes: number };

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body too large: the limit is ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export interface NdjsonOptions {
  /** Longest line in bytes; a longer one is reported (not held) and reading goes on at the next line. */
  maxLineBytes: number;
  /** Largest body in bytes: past it the iterator throws BodyTooLargeError. */
  maxBodyBytes: number;
}

const newline = 0x0a;

/**
 * Splits a byte stream into lines without holding more than one line (at most `maxLineBytes`) at
 * a time, so a body of any size streams through. Blank lines are counted but not yielded; a final
 * line without a newline is still a line; `\r\n` works like `\n`. A newline byte never occurs
 * inside a multi-byte UTF-8 character, so each line decodes on its own.
 */
export async function* ndjsonLines(body: AsyncIterable<Buffer | string>, options: NdjsonOptions): AsyncGenerator<NdjsonLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  let total = 0;
  let number = 0;

  const finish = (): NdjsonLine | undefined => {
    number += 1;
    const line = oversized ? { number, oversizedBytes: pendingBytes } : lineOf(number, pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    oversized = false;
    return line;
  };

  for await (const raw of body) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    total += chunk.length;
    if (total > options.maxBodyBytes) throw new BodyTooLargeError(options.maxBodyBytes);
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(newline, start);
      const stop = end === -1 ? chunk.length : end;
      if (!oversized && pendingBytes + (stop - start) > options.maxLineBytes) {
        oversized = true;
        pending = [];
      }
      if (!oversized) pending.push(chunk.subarray(start, stop));
      pendingBytes += stop - start;
      if (end === -1) break;
      const line = finish();
      if (line) yield line;
      start = end + 1;
    }
  }
  if (pendingBytes > 0 || oversized) {
    const line = finish();
    if (line) yield line;
  }
}

function lineOf(number: number, parts: Buffer[], bytes: number): NdjsonLine | undefined {
  let text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes)).toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return text.trim() ? { number, text } : undefined;
}

/**
 * Whether the caller of a streamed request went away, so there is nobody left to answer. Never
 * ask `req.destroyed` for that: a body read to its end is destroyed too (autoDestroy), and so is
 * one `pipeline()` gave up on, while the caller still waits on an open socket for the answer.
 */
export function callerGone(res: ServerResponse): boolean {
  return res.destroyed || !res.socket || res.socket.destroyed;
}
