import type { GraphQLRequestContextDidResolveOperation, BaseContext } from '@apollo/server';
import { parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rejectNulCharacters } from '../src/input-guard';

/** Runs the plugin's check the way Apollo does, with the (cached) parsed document it would hand over. */
async function check(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<string | undefined> {
  const hooks = await rejectNulCharacters.requestDidStart!({} as never);
  try {
    await hooks!.didResolveOperation!({ request: { variables }, document } as unknown as GraphQLRequestContextDidResolveOperation<BaseContext>);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('rejectNulCharacters', () => {
  it('refuses a NUL literal every time the same document comes back, and names its argument', async () => {
    const document = parse('{ agencies(search: "a\\u0000b") { totalCount } }');
    for (let i = 0; i < 3; i += 1) expect(await check(document)).toBe('invalid argument "search": text must not contain the NUL character (U+0000)');
  });

  it('a clean document stays clean when seen again, but a NUL in its variables is still refused', async () => {
    const document = parse('query Q($s: String) { agencies(search: $s, note: "plain") { totalCount } }');
    expect(await check(document, { s: 'fine' })).toBeUndefined();
    expect(await check(document, { s: 'fine' })).toBeUndefined();
    expect(await check(document, { s: 'bad\u0000' })).toBe('invalid argument "$s": text must not contain the NUL character (U+0000)');
    expect(await check(parse('query Q($s: String) { agencies(search: $s, note: "plain") { totalCount } }'), {})).toBeUndefined();
  });
});
