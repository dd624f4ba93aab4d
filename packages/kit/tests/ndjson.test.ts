import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, ndjsonLines, type NdjsonLine } from '../src/ndjson';

async function* chunks(...parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

async function collect(body: AsyncIterable<Buffer>, maxLineBytes = 64, maxBodyBytes = 1024): Promise<NdjsonLine[]> {
  const lines: NdjsonLine[] = [];
  for await (const line of ndjsonLines(body, { maxLineBytes, maxBodyBytes })) lines.push(line);
  return lines;
}

describe('ndjsonLines', () => {
  it('splits across chunk boundaries, numbers physical lines, skips blank ones and keeps a last line without a newline', async () => {
    expect(await collect(chunks('{"a":', '1}\r\n\n  \n{"b"', ':2}\n{"c":3}'))).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 4, text: '{"b":2}' },
      { number: 5, text: '{"c":3}' },
    ]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('{"t":"Trà Vinh"}\n');
    const cut = bytes.indexOf(0xc3) + 1;
    async function* split() {
      yield bytes.subarray(0, cut);
      yield bytes.subarray(cut);
    }
    expect(await collect(split())).toEqual([{ number: 1, text: '{"t":"Trà Vinh"}' }]);
  });

  it('reports an oversized line by number and size without holding it, then goes on', async () => {
    const long = 'x'.repeat(100);
    expect(await collect(chunks('{"ok":1}\n', long.slice(0, 50), long.slice(50), '\n{"ok":2}\n'))).toEqual([
      { number: 1, text: '{"ok":1}' },
      { number: 2, oversizedBytes: 100 },
      { number: 3, text: '{"ok":2}' },
    ]);
  });

  it('throws BodyTooLargeError naming the limit once the body passes it', async () => {
    const error = await collect(chunks('{"a":1}\n'.repeat(20)), 64, 100).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).limit).toBe(100);
    expect((error as Error).message).toBe('request body too large: the limit is 100 bytes');
  });
});
