/** What a subgraph team does about the composition errors it meets most (docs/subgraph-guide.md has more). */
const advice: Record<string, string> = {
  INVALID_GRAPHQL: 'fix the SDL syntax at the position given (regenerate with npm run schemas if the file was edited by hand)',
  FIELD_TYPE_MISMATCH: 'a field two subgraphs both define must have one type: align them, or let one subgraph own it and mark the other @external',
  INVALID_FIELD_SHARING: 'a field resolved by several subgraphs must be @shareable in each (value types), or owned by one of them',
  KEY_INVALID_FIELDS: 'every field in @key(fields: …) must exist on the type in that subgraph (add it, with @external if another subgraph resolves it)',
  EXTERNAL_MISSING_ON_BASE: 'an @external field must be defined (not external) by some other subgraph',
  SATISFIABILITY_ERROR: 'some query cannot be planned: a field is reachable only through a subgraph that cannot resolve the entity; add a @key or move the field',
  TYPE_KIND_MISMATCH: 'a type name is used for different kinds (object vs input, enum…) in two subgraphs: rename one',
  ENUM_VALUE_MISMATCH: 'an enum used both as input and output must have the same values in every subgraph',
  REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: 'a required argument must be declared in every subgraph that defines the field',
  EMPTY_MERGED_ENUM_TYPE: 'an enum shared by subgraphs ends up with no value common to all: align the values',
};

export const adviceFor = (code: string): string =>
  advice[code] ?? 'see the Apollo Federation composition error reference for this code, and docs/subgraph-guide.md';

