// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaPath, printApiSchema, supergraphPath } from '../scripts/api-schema';

describe('the console API schema', () => {
  it('is the current supergraph API schema (run `npm run schema -w web` when this fails)', () => {
    expect(readFileSync(apiSchemaPath, 'utf8')).toBe(printApiSchema(readFileSync(supergraphPath, 'utf8')));
  });
});
