import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '@ioc/infra/schemas';
import { startStack, type Stack } from '../support/stack';

/**
 * Runs every example of docs/api.md as written (`sh example` with bash, `js example` with node)
 * against a real gateway, and holds its output to the answer block below it: JSON by shape
 * ("…" is any value, a list's first item stands for every item), text line by line.
 */
const run = promisify(execFile);
const markdown = readFileSync(join(repoRoot, 'docs', 'api.md'), 'utf8');
const examples = [...markdown.matchAll(/```(sh|js) example\n([\s\S]*?)```(?:\s*```(json|text) answer\n([\s\S]*?)```)?/g)].map((match, index) => ({
  index,
  language: match[1] as 'sh' | 'js',
  code: match[2]!,
  answerKind: match[3] as 'json' | 'text' | undefined,
  answer: match[4]?.trim(),
  title: `#${index + 1} ${match[2]!.split('\n').find((line) => line.trim() && !line.startsWith('import'))!.slice(0, 70)}`,
}));

let stack: Stack;
let env: Record<string, string>;

/** Where `expected` (an answer block) and `actual` differ, or undefined. */
function mismatch(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (expected === '…') return actual === undefined ? `${path}: missing` : undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected a list, got ${JSON.stringify(actual)}`;
    if (expected.length > 1 || typeof expected[0] !== 'object') return JSON.stringify(actual) === JSON.stringify(expected) ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    if (expected.length === 1 && actual.length === 0) return `${path}: expected items, got none`;
    for (const [i, item] of actual.entries()) {
      const found = mismatch(item, expected[0], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const found = mismatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof expected === 'number') return typeof actual === 'number' ? undefined : `${path}: expected a number, got ${JSON.stringify(actual)}`;
  return actual === expected ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

async function execute(example: (typeof examples)[number]): Promise<string> {
  if (example.language === 'sh') return (await run('bash', ['-euo', 'pipefail', '-c', example.code], { env, timeout: 60_000 })).stdout;
  // Beside the tests so that `graphql-ws` and `ws` resolve as in an agency's project.
  const file = join(import.meta.dirname, `.api-example-${process.pid}-${example.index}.mjs`);
  writeFileSync(file, example.code);
  try {
    return (await run(process.execPath, [file], { env, timeout: 60_000 })).stdout;
  } finally {
    rmSync(file, { force: true });
  }
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  const db = new pg.Client({ connectionString: stack.database.url });
  await db.connect();
  let agencyId: string;
  try {
    // The agency with the most open alerts, critical ones among them: the examples page and filter them.
    agencyId = (
      await db.query<{ agency: string }>(
        `SELECT agency_id AS agency FROM security.alert WHERE status IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING') AND agency_id IS NOT NULL
         GROUP BY 1 HAVING count(*) FILTER (WHERE severity = 'CRITICAL') > 0 ORDER BY count(*) DESC, 1 LIMIT 1`,
      )
    ).rows[0]!.agency;
  } finally {
    await db.end();
  }
  env = { PATH: process.env.PATH ?? '', GATEWAY: `http://127.0.0.1:${stack.gateway.port}`, TOKEN: await stack.tokenFor('agency-client', agencyId) };
});

afterAll(async () => {
  await stack?.stop();
});

describe('docs/api.md', () => {
  it('has examples, each with its answer', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.filter((example) => !example.answer).map((example) => example.title)).toEqual([]);
  });

  it.each(examples)('example $title answers as documented', async (example) => {
    const output = (await execute(example)).trim();
    if (example.answerKind === 'text') {
      const lines = output.split('\n');
      const expected = example.answer!.split('\n');
      expect(lines).toHaveLength(expected.length);
      expected.forEach((line, i) => expect(lines[i]).toMatch(new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`)));
      return;
    }
    expect(mismatch(JSON.parse(output), JSON.parse(example.answer!)), output.slice(0, 2000)).toBeUndefined();
  });
});
