import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// As in the root config: our TypeScript and the CommonJS Apollo packages must share one graphql.
const graphql = require.resolve('graphql/index.js');

/**
 * `npm run test:faults`, outside the default run (docs/benchmarks.md says why): it builds and runs
 * the deployables itself, like tests/e2e/built.e2e.ts, and two turbo builds at once rewrite dist/
 * under each other's processes. Its cases run in order on one graph.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    name: 'faults',
    root: join(dirname(fileURLToPath(import.meta.url)), '..', '..'),
    include: ['tests/faults/*.faults.ts'],
    env: { APOLLO_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' },
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
