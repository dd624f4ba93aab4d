import { ensureConsoleBuilt } from '@ioc/infra/console-build';

/**
 * Builds the console once, before any e2e file runs: the browser tests load it from the gateway,
 * and `npm start` (start.e2e.ts) would otherwise build it in parallel into the same folder.
 */
export default function setup() {
  ensureConsoleBuilt((message) => process.stdout.write(`${message}\n`));
}
