import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, getIntrospectionQuery, GraphQLError, parse } from 'graphql';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { getOperation } from '../src/admission/admission';
import { defaultLimits, enforceLimits, measureOperation, undeclaredListSize, type OperationLimits } from '../src/admission/limits';
import { createVerifier } from '../src/auth/verifier';

const limits: OperationLimits = defaultLimits;
const schema = buildSchema(`
  type Query { agencies(first: Int = 50): AgencyConnection! units: [Unit!]! }
  type AgencyConnection { totalCount: Int! nodes: [Agency!]! }
  type Agency { id: ID! units: [Unit!]! }
  type Unit { code: String! children: [Unit!]! }
`);

/** The refusal code of a document, or undefined when it is admitted. */
function refusal(query: string, variables: Record<string, unknown> = {}, operationName?: string): string | undefined {
  try {
    enforceLimits(measureOperation(parse(query, { maxTokens: 1_000_000 }), operationName, variables, limits, schema), limits);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.code as string;
  }
}

const cost = (query: string, variables: Record<string, unknown> = {}) => measureOperation(parse(query), undefined, variables, limits, schema).cost;

describe('the admission measure', () => {
  const chain = (length: number) => {
    const fragments = Array.from({ length }, (_, i) => `fragment F${i} on AgencyConnection { ...F${i + 1} ...F${i + 1} }`).join('\n');
    return `{ agencies(first: 1) { ...F0 } } ${fragments} fragment F${length} on AgencyConnection { totalCount }`;
  };

  it("the issue's chain of 20 fragments each spreading the next twice: FRAGMENT_LIMIT_EXCEEDED (41 spreads)", () => {
    expect(refusal(chain(20))).toBe('FRAGMENT_LIMIT_EXCEEDED');
  });

  it('a doubling chain within the fragment limit is one pass and refused by its expanded size', () => {
    expect(refusal(chain(14))).toBe('SELECTION_LIMIT_EXCEEDED');
    const query = chain(20);
    const measure = measureOperation(parse(query), undefined, {}, { ...limits, maxFragments: 100 }, schema);
    expect(measure.selections).toBe(2 ** 20 + 1);
  });

  it('16,000 copies of one field are refused before validation (graphql-js would merge them pairwise)', () => {
    expect(refusal(`{ agencies(first: 1) { ${Array(16_000).fill('totalCount').join(' ')} } }`)).toBe('FIELD_REPEAT_LIMIT_EXCEEDED');
    expect(refusal('{ agencies(first: 1) { totalCount totalCount } }')).toBe('FIELD_REPEAT_LIMIT_EXCEEDED');
    expect(refusal('{ agencies(first: 1) { totalCount nodes { id } } }')).toBeUndefined();
  });

  it('more fragment definitions or spreads than the limit: FRAGMENT_LIMIT_EXCEEDED', () => {
    const many = Array.from({ length: 31 }, (_, i) => `fragment G${i} on AgencyConnection { totalCount }`).join('\n');
    expect(refusal(`{ agencies { ...G0 } } ${many}`)).toBe('FRAGMENT_LIMIT_EXCEEDED');
    const spreads = Array.from({ length: 31 }, (_, i) => `a${i}: agencies(first: 1) { ...G }`).join(' ');
    expect(refusal(`{ ${spreads} } fragment G on AgencyConnection { totalCount }`, {}, undefined)).toBe('FRAGMENT_LIMIT_EXCEEDED');
  });

  it('a list without a page size counts as many items, not one', () => {
    expect(cost('{ units { code } }')).toBe(1 + undeclaredListSize);
    expect(cost('{ units { children { children { code } } } }')).toBeGreaterThan(undeclaredListSize ** 3);
    expect(refusal('{ units { children { children { code } } } }')).toBe('COST_LIMIT_EXCEEDED');
  });

  it("a connection without first counts its declared default page; nodes are not counted again", () => {
    expect(cost('{ agencies { nodes { id } } }')).toBe(1 + 50 + 50);
  });

  it("page sizes come from the variables' values, then from the variable's declared default", () => {
    const query = 'query Q($n: Int = 500) { agencies(first: $n) { nodes { units { code } } } }';
    expect(cost(query)).toBe(cost('{ agencies(first: 500) { nodes { units { code } } } }'));
    expect(cost(query, { n: 2 })).toBe(cost('{ agencies(first: 2) { nodes { units { code } } } }'));
    expect(refusal(query)).toBe('COST_LIMIT_EXCEEDED');
  });

  it('aliases and depth inside introspection count', () => {
    const copies = Array.from({ length: 40 }, (_, i) => `t${i}: __type(name: "Unit") { name }`).join(' ');
    expect(refusal(`{ ${copies} }`)).toBe('ALIAS_LIMIT_EXCEEDED');
    let deep = 'name';
    for (let i = 0; i < 20; i++) deep = `ofType { ${deep} }`;
    expect(refusal(`{ __type(name: "Unit") { ${deep} } }`)).toBe('DEPTH_LIMIT_EXCEEDED');
  });

  it('__schema is answered once per operation, however it is reached', () => {
    expect(refusal('{ a: __schema { types { name } } b: __schema { queryType { name } } }')).toBe('INTROSPECTION_LIMIT_EXCEEDED');
    expect(refusal('{ ...S ...S } fragment S on Query { __schema { types { name } } }')).toBe('INTROSPECTION_LIMIT_EXCEEDED');
    expect(refusal('{ __schema { types { name } } __type(name: "Unit") { name } }')).toBeUndefined();
  });

  it("graphql-js's own introspection query stays within every limit (explorers keep working)", () => {
    expect(refusal(getIntrospectionQuery())).toBeUndefined();
  });
});

describe('the default limits against the operations agencies run', () => {
  const apiSchema = Supergraph.build(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8')).apiSchema().toGraphQLJSSchema();
  const persisted = (JSON.parse(readFileSync(new URL('../persisted-operations.json', import.meta.url), 'utf8')) as { operations: Array<{ name: string; body: string }> }).operations;

  it.each(persisted)('persisted $name is admitted', ({ body }) => {
    const document = parse(body, { maxTokens: defaultLimits.maxTokens });
    expect(() => enforceLimits(measureOperation(document, undefined, {}, defaultLimits, apiSchema), defaultLimits)).not.toThrow();
  });
});

describe('GET operations', () => {
  it('padding before query= is refused, not read two ways', () => {
    const padding = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join('&');
    expect(() => getOperation(`/graphql?${padding}&query=%7B__typename%7D`)).toThrow(/GET refused/);
  });

  it('a repeated parameter is refused', () => {
    expect(() => getOperation('/graphql?query=%7Ba%7D&query=%7Bb%7D')).toThrow(/GET refused/);
  });

  it('variables and extensions are read as JSON, exactly as Apollo reads them', () => {
    expect(getOperation('/graphql?query=q&variables=%7B%22n%22%3A3%7D&extensions=%7B%7D')).toEqual({ query: 'q', variables: { n: 3 }, extensions: {} });
    expect(getOperation('/graphql')).toBeUndefined();
  });
});

describe('caller tokens', () => {
  const secret = 'x'.repeat(40);
  const verify = createVerifier({ keys: { kind: 'secret', secret, dev: false }, issuer: 'iss', audience: 'aud', clockSkew: 30, maxLifetime: 86_400 });
  const sign = (iat: number, exp: number) =>
    new SignJWT({ role: 'ioc-viewer' }).setProtectedHeader({ alg: 'HS256' }).setSubject('s').setIssuer('iss').setAudience('aud').setIssuedAt(iat).setExpirationTime(exp).sign(new TextEncoder().encode(secret));
  const now = () => Math.floor(Date.now() / 1000);

  it('a 100-year token is refused naming the lifetime limit', async () => {
    await expect(verify(`Bearer ${await sign(now(), now() + 100 * 365 * 86_400)}`)).rejects.toThrow(/lifetime .* exceeds the limit of 86400 s/);
  });

  it('a token issued in the future beyond the clock skew is refused', async () => {
    await expect(verify(`Bearer ${await sign(now() + 3600, now() + 7200)}`)).rejects.toThrow(/issued in the future/);
  });

  it('an ordinary 12-hour token is accepted', async () => {
    await expect(verify(`Bearer ${await sign(now(), now() + 12 * 3600)}`)).resolves.toMatchObject({ role: 'ioc-viewer' });
  });
});
