import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generate';

describe("the example agency client's generated files", () => {
  it.each(generatedFiles().map(({ path, text }) => ({ file: path.split('/').pop(), path, text })))('$file is up to date (npx tsx tests/agency-client/generate.ts)', ({ path, text }) => {
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
