import { describe, expect, it } from 'vitest';
import { alignByKey } from '../src/loaders';
import { batchedReference, LoaderRegistry } from '../src/references';

describe('batchedReference', () => {
  it('loads every representation of a type in one batch, in order, with nulls for misses', async () => {
    const batches: string[][] = [];
    const rows = [{ id: 'b' }, { id: 'a' }];
    const reference = batchedReference<{ id: string }, { loaders: LoaderRegistry }>('Thing', async (refs) => {
      batches.push(refs.map((ref) => ref.id));
      return alignByKey(refs.map((ref) => ref.id), rows, (row) => row.id);
    });
    const context = { loaders: new LoaderRegistry() };
    const resolve = (id: string) => reference.Thing!.__resolveReference({ __typename: 'Thing', id }, context);
    const results = await Promise.all([resolve('a'), resolve('b'), resolve('zz'), resolve('a')]);
    expect(results).toEqual([{ id: 'a' }, { id: 'b' }, null, { id: 'a' }]);
    expect(batches).toEqual([['a', 'b', 'zz']]);
  });

  it('keys composite representations by value, not by field order', async () => {
    let calls = 0;
    const reference = batchedReference<{ sku: string; package: string }, { loaders: LoaderRegistry }>('P', async (refs) => {
      calls++;
      return refs.map((ref) => `${ref.sku}/${ref.package}`);
    });
    const context = { loaders: new LoaderRegistry() };
    const [x, y] = await Promise.all([
      reference.P!.__resolveReference({ sku: 's', package: 'p' }, context),
      reference.P!.__resolveReference({ package: 'p', sku: 's', __typename: 'P' }, context),
    ]);
    expect([x, y, calls]).toEqual(['s/p', 's/p', 1]);
  });
});
