import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { generateSchemas, repoRoot, staleFiles } from '../src/schemas';

it('committed subgraph schemas and supergraph match the code (run `npm run schemas` if not)', async () => {
  const stale = staleFiles(await generateSchemas()).map((path) => relative(repoRoot, path));
  expect(stale).toEqual([]);
}, 60_000);
