import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultLimits, enforceLimits, measureOperation } from '../src/admission/limits';

/**
 * docs/security.md says why the gateway measures operations itself rather than with GraphQL
 * Armor: these run Armor's cost rule (with its defaults, as its Envelop plugin adds it) beside our
 * measure on the documents of issue 15, and show where the two answer differently.
 */
const schema = buildSchema(`
  type Query { agencies(first: Int = 50): AgencyConnection! units: [Unit!]! }
  type AgencyConnection { totalCount: Int! nodes: [Agency!]! }
  type Agency { id: ID! units: [Unit!]! }
  type Unit { code: String! children: [Unit!]! }
`);

function armorRefuses(query: string): boolean {
  try {
    return validate(schema, parse(query, { maxTokens: 1_000_000 }), [costLimitRule()]).length > 0;
  } catch (error) {
    if (error instanceof GraphQLError) return true; // Armor throws on rejection (propagateOnRejection)
    throw error;
  }
}

function ourRefusal(query: string, variables: Record<string, unknown> = {}): string | undefined {
  try {
    enforceLimits(measureOperation(parse(query, { maxTokens: 1_000_000 }), undefined, variables, defaultLimits, schema), defaultLimits);
    return undefined;
  } catch (error) {
    return (error as GraphQLError).extensions.code as string;
  }
}

describe('our admission measure beside GraphQL Armor 2.4.3 (cost-limit, defaults)', () => {
  it('3,000 copies of one field: Armor admits it, so graphql-js runs its quadratic overlap rule on it; we refuse it before validation', () => {
    const query = `{ agencies(first: 1) { ${Array(3_000).fill('totalCount').join(' ')} } }`;
    expect(armorRefuses(query)).toBe(false);
    expect(ourRefusal(query)).toBe('FIELD_REPEAT_LIMIT_EXCEEDED');
  });

  it('a page size given by a variable: Armor reads only literals and prices 500 pages as one; we use the variable', () => {
    const query = 'query Q($n: Int = 500) { agencies(first: $n) { nodes { units { children { children { code } } } } } }';
    expect(armorRefuses(query)).toBe(false);
    expect(ourRefusal(query)).toBe('COST_LIMIT_EXCEEDED');
    expect(ourRefusal(query, { n: 1 })).toBe('COST_LIMIT_EXCEEDED'); // three nested unbounded lists: 100 × 100 × 100
  });

  it('lists without a page size: Armor counts one item each; we count 100 (34,818 objects were fetched for an estimate of 5,501)', () => {
    const query = '{ units { children { children { code } } } }';
    expect(armorRefuses(query)).toBe(false);
    expect(ourRefusal(query)).toBe('COST_LIMIT_EXCEEDED'); // up to 100 × 100 × 100 codes
    expect(ourRefusal('{ units { children { code } } }')).toBeUndefined(); // up to 100 × 100: inside the limit
  });

  it('both bound the doubling fragment chain in one pass (Armor memoises fragment costs too)', () => {
    const chain = (length: number) =>
      `{ agencies(first: 1) { ...F0 } } ${Array.from({ length }, (_, i) => `fragment F${i} on AgencyConnection { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${length} on AgencyConnection { totalCount }`;
    expect(armorRefuses(chain(14))).toBe(true);
    expect(ourRefusal(chain(14))).toBe('SELECTION_LIMIT_EXCEEDED');
  });
});
