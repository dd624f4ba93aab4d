import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleStaleness } from '../src/console-build';

const web = mkdtempSync(join(tmpdir(), 'ioc-web-'));
const dist = join(web, 'dist');
afterAll(() => rmSync(web, { recursive: true, force: true }));

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('console staleness', () => {
  it('asks for a build when web/dist is missing, up to date after one, and again when a source is newer', () => {
    mkdirSync(join(web, 'src', 'screens'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(web, 'src', 'screens', 'Soc.tsx'), 'export {}');
    at(join(web, 'index.html'), 1_000);
    at(join(web, 'src', 'screens', 'Soc.tsx'), 1_000);
    at(join(web, 'src', 'screens'), 1_000);
    at(join(web, 'src'), 1_000);
    expect(consoleStaleness(web, dist)).toBe('the console is not built yet');

    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), 'built');
    at(join(dist, 'index.html'), 2_000);
    expect(consoleStaleness(web, dist)).toBeUndefined();

    // A change deep in the tree counts, not just the top-level entries.
    at(join(web, 'src', 'screens', 'Soc.tsx'), 3_000);
    expect(consoleStaleness(web, dist)).toBe("the console's sources changed since its last build");
  });
});
