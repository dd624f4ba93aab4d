// Runs tests/contract/figures.egov.json through the gateway of the whole in-process stack on the
// full seed (all four domains), and prints the seed time. A tool, not a test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@ioc/kit';
import { startEmbeddedPostgres } from '@ioc/infra/embedded-postgres';
import { startStack } from '../../../tests/support/stack';

const root = join(import.meta.dirname, '..', '..', '..');
const expected = Object.fromEntries(
  [...readFileSync(join(root, 'tests/contract/figures.e2e.ts'), 'utf8').matchAll(/'([\w.]+)': ([\d.]+),/g)].map((m) => [m[1], Number(m[2])]),
);
const entries = JSON.parse(readFileSync(join(root, 'tests/contract/figures.egov.json'), 'utf8')) as Array<{ figure: string; operation: string; variables: Record<string, unknown>; path: string }>;
const dir = mkdtempSync(join(tmpdir(), 'egov-gw-'));
const db = await startEmbeddedPostgres({ dir, port: 57432 + Math.floor(Math.random() * 1000), logger: createLogger('pg', 'warn') });
try {
  const started = performance.now();
  const stack = await startStack({ adminUrl: db.url('postgres'), seed: 'full' });
  console.log(`stack with full seed of all domains: ${Math.round(performance.now() - started)} ms`);
  let failures = 0;
  for (const entry of entries) {
    const result = await stack.query(entry.operation, entry.variables);
    const value = entry.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], result);
    const ok = value === expected[entry.figure] && !result.errors;
    if (!ok) failures++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${entry.figure} = ${JSON.stringify(value)}${result.errors ? ' ' + JSON.stringify(result.errors) : ''}`);
  }
  console.log(failures ? `${failures} figure(s) wrong` : 'all egov figures right through the gateway');
  await stack.stop();
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
