import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);

// Apollo's federation subgraph compatibility suite, as published: compiled CommonJS tests using
// jest-style globals. They live in node_modules, which vitest skips unless told otherwise.
const suite = dirname(require.resolve('@apollo/federation-subgraph-compatibility-tests/package.json'));

// As in the root config: our TypeScript and the CommonJS Apollo packages must share one graphql.
const graphql = require.resolve('graphql/index.js');

export default defineProject({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    name: 'compat',
    root: dirname(fileURLToPath(import.meta.url)),
    dir: join(suite, 'dist', 'tests'),
    include: ['*.test.js'],
    exclude: [],
    globals: true,
    // Read by the suite's client when it loads, so it must be in the workers' environment.
    env: { PRODUCTS_URL: 'http://localhost:4001/graphql', APOLLO_TELEMETRY_DISABLED: '1' },
    globalSetup: ['./stack.global-setup.ts'],
    testTimeout: 15_000,
  },
});
