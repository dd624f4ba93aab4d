import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { openReplay, openReplayCount, parseResumeCursor, replayPageSize, type ReplayReader } from '../src/replay';

/** A table of items 1..n (their own cursors) that counts the page queries it answers. */
function table(n: number) {
  const rows = Array.from({ length: n }, (_, i) => BigInt(i + 1));
  const queries: Array<{ from: bigint; limit: number }> = [];
  return {
    rows,
    queries,
    add: (count: number) => {
      for (let i = 0; i < count; i++) rows.push(BigInt(rows.length + 1));
    },
    source: (after: bigint, shareKey?: string) => ({
      after,
      shareKey,
      cursorOf: (item: bigint) => item,
      page: async (from: bigint, limit: number) => {
        queries.push({ from, limit });
        return rows.filter((row) => row > from).slice(0, limit);
      },
    }),
  };
}

async function drain(reader: ReplayReader<bigint>): Promise<bigint[]> {
  const items: bigint[] = [];
  for (let page = await reader.next(); page !== null; page = await reader.next()) items.push(...page);
  return items;
}

describe('parseResumeCursor', () => {
  it('accepts a bigint sequence and nothing else, naming the argument', () => {
    expect(parseResumeCursor('after', '0')).toBe(0n);
    expect(parseResumeCursor('after', '9223372036854775807')).toBe(9223372036854775807n);
    expect(parseResumeCursor('after', undefined)).toBeUndefined();
    for (const bad of ['9223372036854775808', '9999999999999999999', '9'.repeat(400), '-1', '1e3', ' 1', '']) {
      try {
        parseResumeCursor('after', bad);
        expect.unreachable(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
      }
    }
  });
});

describe('openReplay', () => {
  it('reads in pages of replayPageSize: every item after the cursor once, in order', async () => {
    const t = table(replayPageSize * 2 + 7);
    const items = await drain(openReplay(t.source(5n)));
    expect(items).toEqual(t.rows.slice(5));
    expect(t.queries.map((query) => query.limit)).toEqual([replayPageSize, replayPageSize, replayPageSize]);
    expect(t.queries.map((query) => query.from)).toEqual([5n, BigInt(5 + replayPageSize), BigInt(5 + 2 * replayPageSize)]);
  });

  it('shares each page between concurrent readers of the same key, and releases the replay when they finish', async () => {
    const t = table(replayPageSize * 3);
    const readers = Array.from({ length: 20 }, () => openReplay(t.source(0n, 'same')));
    const results = await Promise.all(readers.map(drain));
    for (const items of results) expect(items).toEqual(t.rows);
    expect(t.queries).toHaveLength(4);
    expect(openReplayCount()).toBe(0);
  });

  it('does not share across keys or cursors', async () => {
    const t = table(10);
    await Promise.all([drain(openReplay(t.source(0n, 'a'))), drain(openReplay(t.source(0n, 'b'))), drain(openReplay(t.source(3n, 'a')))]);
    expect(t.queries).toHaveLength(3);
  });

  it('a reader that joins after the last page was read still gets what was added since', async () => {
    const t = table(5);
    const first = openReplay(t.source(0n, 'late'));
    expect(await first.next()).toEqual(t.rows);
    // The first reader holds the replay open; the newcomer joins it, after more rows arrived.
    t.add(3);
    const late = openReplay(t.source(0n, 'late'));
    expect(await drain(late)).toEqual(t.rows);
    first.close();
    expect(openReplayCount()).toBe(0);
  });

  it('a newcomer after the first page was released starts its own replay', async () => {
    const t = table(replayPageSize + 1);
    const first = openReplay(t.source(0n, 'moved-on'));
    await first.next();
    await first.next();
    const second = openReplay(t.source(0n, 'moved-on'));
    expect(await drain(second)).toEqual(t.rows);
    expect(await drain(first)).toEqual([]);
    expect(openReplayCount()).toBe(0);
  });
});
