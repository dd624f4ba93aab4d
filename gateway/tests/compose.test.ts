import { expect, it } from 'vitest';
import { composeSupergraph, CompositionError } from '../src/compose';

const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])';

it('composes subgraphs that agree and names the conflict when they do not', () => {
  const a = { name: 'a', url: 'http://a/graphql', sdl: `${header}\ntype Query { thing(id: ID!): Thing }\ntype Thing @key(fields: "id") { id: ID! name: String }` };
  const b = { name: 'b', url: 'http://b/graphql', sdl: `${header}\ntype Thing @key(fields: "id") { id: ID! size: Int }` };
  expect(composeSupergraph([a, b])).toMatch(/join__graph\(name: "b", url: "http:\/\/b\/graphql"\)/);

  const clash = { name: 'c', url: 'http://c/graphql', sdl: `${header}\ntype Thing @key(fields: "id") { id: ID! name: Int }` };
  expect(() => composeSupergraph([a, clash])).toThrow(CompositionError);
  expect(() => composeSupergraph([a, clash])).toThrow(/Thing\.name/);
});
