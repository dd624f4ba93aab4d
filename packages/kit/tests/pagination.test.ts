import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { validatePage } from '../src/pagination';

describe('validatePage', () => {
  it('turns first/after into limit/offset', () => {
    expect(validatePage({ first: 20 })).toEqual({ limit: 20, offset: 0 });
    const cursor = Buffer.from('o:39').toString('base64url');
    expect(validatePage({ first: 20, after: cursor })).toEqual({ limit: 20, offset: 40 });
  });

  it.each([0, -1, 501, 1.5])('refuses first = %s naming the argument', (first) => {
    try {
      validatePage({ first });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  });

  it('refuses a cursor it did not issue', () => {
    expect(() => validatePage({ first: 10, after: 'garbage' })).toThrow(/invalid argument "after"/);
  });

  it('refuses crafted offsets past any bigint before they reach SQL', () => {
    for (const offset of ['99999999999999999999', '9'.repeat(400), '1000000001']) {
      const after = Buffer.from(`o:${offset}`).toString('base64url');
      expect(() => validatePage({ first: 10, after })).toThrow(/invalid argument "after": not a cursor returned by this API/);
    }
  });
});
