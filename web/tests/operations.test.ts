// @vitest-environment node
import { readFileSync } from 'node:fs';
import { buildSchema, Kind, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultLimits, enforceLimits, measureOperation } from '@ioc/gateway/limits';
import { apiSchemaPath } from '../scripts/api-schema';

const schema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
const modules = import.meta.glob<Record<string, unknown>>('../src/{screens,components}/**/*.tsx', { eager: true });

function isDocument(value: unknown): value is DocumentNode {
  return typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;
}

const operations = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, DocumentNode] => isDocument(entry[1]))
    .filter(([, document]) => document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION))
    .map(([name, document]) => ({ file, name, document })),
);

describe('console operations', () => {
  it('are found', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it.each(operations)('$name is valid against the API schema and named after its constant', ({ name, document }) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    expect(operation?.kind === Kind.OPERATION_DEFINITION && operation.name?.value).toBe(name);
  });

  it.each(operations)("$name is admitted by the gateway's default limits", ({ document }) => {
    expect(() => enforceLimits(measureOperation(document, undefined, {}, defaultLimits, schema), defaultLimits)).not.toThrow();
  });
});
