import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { admitOperation, parseCacheState, type AdmissionPolicy } from '../src/admission/admission';
import { defaultLimits } from '../src/admission/limits';
import { PersistedOperations } from '../src/admission/persisted-operations';
import { createRateLimiter } from '../src/admission/rate-limit';
import type { VerifiedCaller } from '../src/auth/verifier';

const policy: AdmissionPolicy = {
  verify: async () => caller,
  limits: { ...defaultLimits },
  maxBatch: 10,
  rateLimiter: createRateLimiter(1_000_000),
  persisted: new PersistedOperations([]),
  logger: { info() {}, warn() {}, error() {}, debug() {}, child() { return this; } } as unknown as AdmissionPolicy['logger'],
};
const caller = { subject: 'analyst-1', role: 'soc-analyst', expiresAt: Date.now() / 1000 + 3600 } as unknown as VerifiedCaller;

const refusalCode = (query: string): unknown => {
  try {
    admitOperation(policy, caller, { query });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.code;
  }
};

describe('the parsed-document cache', () => {
  it('keeps a document the limits admitted, charged by its tokens, and reuses it', () => {
    const before = parseCacheState();
    const query = '{ alerts(first: 5) { nodes { id severity } } }';
    expect(admitOperation(policy, caller, { query })).toBe('query');
    const after = parseCacheState();
    expect(after.size).toBe(before.size + 1);
    // 17 tokens: <SOF> { alerts ( first : 5 ) { nodes { id severity } } } <EOF>, 512 B each
    expect(after.weight - before.weight).toBe(17 * 512);
    expect(admitOperation(policy, caller, { query })).toBe('query');
    expect(parseCacheState()).toEqual(after);
  });

  it('never keeps a document the limits refuse, however many distinct ones a caller sends', () => {
    const before = parseCacheState();
    for (let i = 0; i < 200; i++) {
      const deep = `{ a${i} ${'{ b '.repeat(20)}${'}'.repeat(20)} }`;
      expect(refusalCode(deep)).toBe('DEPTH_LIMIT_EXCEEDED');
      const tooManyTokens = `{ a${i} ${'b '.repeat(policy.limits.maxTokens)} }`;
      expect(refusalCode(tooManyTokens)).toBe('TOKEN_LIMIT_EXCEEDED');
    }
    expect(parseCacheState()).toEqual(before);
  });

  it('a large admitted document is charged near its heap size, not its text length', () => {
    const before = parseCacheState();
    const fields = Array.from({ length: 400 }, (_, i) => `f${i}`).join(' ');
    const query = `{ a { ${fields} } }`;
    admitOperation(policy, caller, { query });
    const charged = parseCacheState().weight - before.weight;
    expect(charged).toBeGreaterThan(query.length * 50);
  });
});
