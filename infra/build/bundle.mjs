// The JavaScript half of a package's `npm run build` (tsc writes the declarations beside it).
//
// Sources import each other without file extensions (moduleResolution Bundler), which Node's
// ESM loader refuses, so tsc's own output would not run. esbuild bundles each export (and the
// process entry, src/index.ts or src/cli.ts) into dist/ instead, keeping every package import
// external: @ioc/* packages resolve at run time through their `built` condition, third-party
// ones from node_modules. Like tsx, esbuild emits no decorator metadata, so the built server
// reads exactly the explicit GraphQL and column types that dev and tests read.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** dist/a/b.js for every export's `built` target, mapped back to its source src/a/b.ts. */
function exportedSources(exports) {
  const sources = [];
  for (const target of Object.values(exports ?? {})) {
    const built = typeof target === 'object' ? target.built?.default : undefined;
    if (typeof built !== 'string') continue;
    sources.push(built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
  }
  return sources;
}

const processEntries = ['src/index.ts', 'src/cli.ts'].filter((file) => existsSync(file));
const entryPoints = [...new Set([...exportedSources(pkg.exports), ...processEntries])];
for (const entry of entryPoints) {
  if (!existsSync(entry)) throw new Error(`${pkg.name}: export source ${entry} does not exist`);
}

// Chunks of an earlier build would otherwise pile up beside the declarations tsc has just written.
if (existsSync('dist')) {
  for (const file of readdirSync('dist', { recursive: true, encoding: 'utf8' })) {
    if (/\.js(\.map)?$/.test(file)) rmSync(join('dist', file));
  }
}

await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
