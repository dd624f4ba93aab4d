import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/schemas';

// Every package the build compiles exports each entry twice: its sources by default (tsc,
// vitest, tsx, npm start) and its dist/ file under the `built` condition (node
// --conditions=built, the images). An export written as a plain path would make production
// load TypeScript; docs/operations.md says why the split is this way round.
const built = ['packages/kit', 'services/egov', 'services/infrastructure', 'services/security', 'services/economy', 'gateway', 'seeds', 'feed', 'infra'];

interface Manifest {
  name: string;
  scripts: Record<string, string>;
  exports: Record<string, unknown>;
}

describe('package exports', () => {
  it.each(built)('%s: every TypeScript export is { built: { types, default } in dist/, default: the source }', (dir) => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest;
    expect(manifest.scripts.build).toMatch(/^tsc -p tsconfig\.build\.json && node (\.\.\/)*(infra\/)?build\/bundle\.mjs$/);
    for (const [path, target] of Object.entries(manifest.exports)) {
      // Plain JavaScript or data runs the same everywhere: one path serves both.
      if (typeof target === 'string' && /\.(c|m)?js$|\.json$/.test(target)) continue;
      const source = (target as { default?: string }).default;
      expect(source, `${manifest.name} ${path}`).toMatch(/^\.\/src\/.+\.ts$/);
      expect(existsSync(join(repoRoot, dir, source!)), `${manifest.name} ${path}: ${source}`).toBe(true);
      const base = source!.slice('./src/'.length, -'.ts'.length);
      expect(target, `${manifest.name} ${path}`).toEqual({ built: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` }, default: source });
    }
  });
});
