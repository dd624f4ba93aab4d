import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Our sources and the CommonJS Apollo packages must share one graphql module, or graphql-js
// refuses values from "another module or realm".
const graphql = require.resolve('graphql/index.js');

const everywhere = ['packages', 'services', 'gateway', 'infra', 'seeds', 'feed', 'tests'].map((dir) => `${dir}/**`);

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphql }] },
  test: {
    env: { APOLLO_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' },
    maxWorkers: 2,
    projects: [
      'tests/compat/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          include: everywhere.map((dir) => `${dir}/*.test.ts`),
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['web/tests/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: everywhere.map((dir) => `${dir}/*.e2e.ts`),
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/support/postgres.global-setup.ts', 'tests/support/console.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
