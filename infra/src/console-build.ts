import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './schemas';

export const webDir = join(repoRoot, 'web');
export const consoleDistDir = join(webDir, 'dist');

/** What a build reads: a change to any of these makes web/dist stale. */
const sourceEntries = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the built console (`dist`) needs a build from `web`, or `undefined` when it is up to date. */
export function consoleStaleness(web = webDir, dist = consoleDistDir): string | undefined {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return 'the console is not built yet';
  const built = statSync(index).mtimeMs;
  const changed = Math.max(...sourceEntries.map((entry) => newestMtime(join(web, entry))));
  return changed > built ? "the console's sources changed since its last build" : undefined;
}

/**
 * Builds the console (`npm run build -w web`) when web/dist is missing or older than its sources.
 * `say` hears why before the build starts; a failed build throws with its output.
 */
export function ensureConsoleBuilt(say: (message: string) => void): { built: boolean } {
  const reason = consoleStaleness();
  if (!reason) return { built: false };
  say(`${reason}: building it (npm run build -w web)`);
  // Vite keeps a NODE_ENV it inherits (vitest sets `test`): the console is always a production build.
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    throw new Error(`the console build failed (npm run build -w web):\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
  }
  return { built: true };
}
