import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/** Operations typed against the agency contract schema (graphql-env.d.ts, written by generate.ts). */
export const graphql = initGraphQLTada<{ introspection: introspection; scalars: { DateTimeISO: string } }>();

export type { ResultOf, VariablesOf } from 'gql.tada';
