import { describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { loadEach, loadGrouped, loadOne, loadOnce, type LoaderContext } from '../src/loaders';
import { LoaderRegistry } from '../src/references';

/** A request's context; these loaders never touch the database themselves. */
const request = (): LoaderContext => ({ db: undefined as unknown as DataSource, loaders: new LoaderRegistry() });

describe('the kit loaders', () => {
  it('batch every key asked for in one tick into one call and group rows back by key', async () => {
    const ctx = request();
    const calls: string[][] = [];
    const batch = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return [{ parent: 'b', n: 1 }, { parent: 'a', n: 2 }, { parent: 'b', n: 3 }];
    };
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((key) => loadGrouped(ctx, 'children', key, batch, (row) => row.parent)));
    expect([a, b, c]).toEqual([[{ parent: 'a', n: 2 }], [{ parent: 'b', n: 1 }, { parent: 'b', n: 3 }], []]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect(await loadOne(ctx, 'children', 'b', batch, (row) => row.parent)).toEqual({ parent: 'b', n: 1 });
    expect(calls).toHaveLength(1);
  });

  it('keep one value per key in the order of the keys (counts)', async () => {
    const ctx = request();
    const counts = await Promise.all(['x', 'y', 'x'].map((key) => loadEach(ctx, 'count', key, async (keys) => keys.map((k) => k.length * 10))));
    expect(counts).toEqual([10, 10, 10]);
  });

  it('compute a per-request value once, and again for the next request', async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const first = request();
    expect(await Promise.all([loadOnce(first, 'all', compute), loadOnce(first, 'all', compute)])).toEqual([1, 1]);
    expect(await loadOnce(request(), 'all', compute)).toBe(2);
  });
});
