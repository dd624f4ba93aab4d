import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asCaller, createTestDatabase, freePort, testGatewaySecret, type TestDatabase } from '@ioc/kit/testing';

const repoRoot = join(import.meta.dirname, '..', '..');
const linesPerBody = 500;
const senders = 3;

let database: TestDatabase;
let db: pg.Client;
let port: number;
let child: ChildProcess | undefined;

/** The security subgraph as its own process, so it can be killed like a crashed pod. */
async function startSecurity(): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'services', 'security', 'src', 'index.ts')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, GATEWAY_TOKEN_SECRET: testGatewaySecret, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  started.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  for (;;) {
    if (started.exitCode !== null) throw new Error(`security exited with ${started.exitCode}:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
    if (ready) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Wazuh line; 40 rules × 5 agents, so repeats fold into open alerts as well as make new ones. */
const line = (id: string, n: number) =>
  JSON.stringify({
    timestamp: new Date(Date.UTC(2026, 10, 30, 8, 0, 0) + n * 10).toISOString().replace('Z', '+0000'),
    id,
    rule: { id: String(90_000 + (n % 40)), level: 3 + (n % 12), description: `load rule ${n % 40}`, groups: ['load'] },
    agent: { id: '017', name: `vm-00${1 + (n % 5)}` },
    manager: { name: 'sigkill' },
    location: '/var/log/load.log',
  });

function body(sender: number, round: number): { ids: string[]; text: string } {
  const ids: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < linesPerBody; i++) {
    const id = `${sender}.${round}.${i}`;
    ids.push(`sigkill/${id}`);
    lines.push(line(id, round * linesPerBody + i));
  }
  return { ids, text: lines.join('\n') };
}

async function send(text: string): Promise<{ accepted: number; duplicates: number } | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ingest/wazuh`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...(await asCaller({ role: 'ingest', subject: 'sigkill-test' })) },
      body: text,
    });
    if (response.status !== 200) return null;
    return (await response.json()) as { accepted: number; duplicates: number };
  } catch {
    return null; // the connection died with the process: not acknowledged
  }
}

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresAdminUrl'), 'sigkill', inject('seededDatabases').security);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  port = await freePort();
  child = await startSecurity();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await db?.end();
  await database?.drop();
});

describe('SIGKILL during a sustained ingest', () => {
  it('loses no event that was answered 2xx, leaves no half-written batch, and a re-send after the restart completes the rest', async () => {
    const acknowledged: string[] = [];
    const sent: Array<{ ids: string[]; text: string }> = [];
    let failed = 0;
    let killed = false;
    const killAfter = 6; // bodies answered before the kill: it lands while the others are in flight
    const load = Array.from({ length: senders }, async (_, sender) => {
      for (let round = 0; ; round++) {
        const next = body(sender, round);
        sent.push(next);
        const answer = await send(next.text);
        if (!answer) {
          failed += 1;
          return;
        }
        expect(answer.accepted + answer.duplicates).toBe(linesPerBody);
        acknowledged.push(...next.ids);
        if (!killed && acknowledged.length >= killAfter * linesPerBody) {
          killed = true;
          child!.kill('SIGKILL');
        }
      }
    });
    await Promise.all(load);
    expect(killed).toBe(true);
    expect(failed).toBe(senders);

    const stored = async (ids: string[]) =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM security.alert_event WHERE source = 'WAZUH' AND source_event_id = ANY($1)`, [ids])).rows[0]!.n;
    // Every answered event is durable.
    expect(await stored(acknowledged)).toBe(acknowledged.length);
    // Each batch is all or nothing: the alerts' counters add up to exactly the events stored.
    const consistency = async () =>
      (
        await db.query<{ events: number; occurrences: number }>(
          `SELECT (SELECT count(*)::int FROM security.alert_event WHERE source_event_id LIKE 'sigkill/%') AS events,
                  (SELECT coalesce(sum(occurrences), 0)::int FROM security.alert WHERE rule_id LIKE '9%' AND source = 'WAZUH') AS occurrences`,
        )
      ).rows[0]!;
    const afterKill = await consistency();
    expect(afterKill.occurrences).toBe(afterKill.events);
    expect(afterKill.events % linesPerBody).toBe(0);
    expect(afterKill.events).toBeGreaterThanOrEqual(acknowledged.length);

    child = await startSecurity();
    const everything = sent.flatMap((item) => item.ids);
    for (const item of sent) expect(await send(item.text)).not.toBeNull();
    expect(await stored(everything)).toBe(everything.length);
    expect(await consistency()).toEqual({ events: everything.length, occurrences: everything.length });
  });
});
