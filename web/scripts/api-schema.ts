/**
 * Writes src/graphql/schema.graphql: the API schema clients see (the supergraph without its join
 * directives), which gql.tada types every operation against. `npm run schema -w web` after
 * `npm run schemas`; tests/schema.test.ts fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, printSchema } from 'graphql';

export const supergraphPath = fileURLToPath(new URL('../../gateway/supergraph.graphql', import.meta.url));
export const apiSchemaPath = fileURLToPath(new URL('../src/graphql/schema.graphql', import.meta.url));

export function printApiSchema(supergraphSdl: string): string {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(apiSchemaPath, printApiSchema(readFileSync(supergraphPath, 'utf8')));
  console.log(`wrote ${apiSchemaPath}`);
}
