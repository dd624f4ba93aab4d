import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '@ioc/kit';
import { bearerSocket, eventually, subscribe, type Live } from '@ioc/kit/testing';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { startStack, type Stack } from '../support/stack';
import { runFeed, type FeedOptions } from '@ioc/feed';
import { createGenerator, syntheticMark } from '@ioc/feed/events';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const streams = {
  // A new event of a rule on a host that already has an open alert folds into it (alertUpdated).
  alert: ['subscription { alertRaised { id source kind } }', 'subscription { alertUpdated { id source kind occurrences } }'],
  bts: ['subscription { btsStatusChanged { id toStatus station { id } } }'],
  'server-health': ['subscription { serverHealthChanged { id health } }'],
  dossier: ['subscription { dossierReceived { id channel } }'],
  resolution: ['subscription { dossierResolved { id status } }'],
  feedback: ['subscription { feedbackReceived { id category } }'],
} as const;
/** Events a kind's streams have delivered. */
const delivered = (lives: Array<Live<unknown>>) => lives.reduce((n, l) => n + l.events.length, 0);
const figures = JSON.parse(readFileSync(join(root, 'tests', 'contract', 'figures.json'), 'utf8')) as Array<{ figure: string; operation: string; variables: Record<string, unknown>; path: string }>;
const at = (value: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], value);

let stack: Stack;
let client: Client;
let live: Record<keyof typeof streams, Array<Live<unknown>>>;
let before: Map<string, unknown>;
let rounds = 0;
/** Before the feed's first event: what it raises is first seen after this. */
let started: Date;
const catalogue = feedCatalogue();
const options = (extra: Partial<FeedOptions>): FeedOptions => ({
  url: stack.gateway.url,
  token: () => stack.tokenFor('ingest'),
  catalogue,
  seed: 1,
  rate: 20,
  once: true,
  concurrency: 4,
  logger: createLogger('feed', process.env.FEED_TEST_LOG ? 'warn' : 'silent'),
  ...extra,
});
/** Servers in service, as a dashboard reads them. */
const activeServers = async () => {
  const { data, errors } = await stack.query<{ servers: { totalCount: number } }>('{ servers { totalCount } }', {}, 'admin');
  expect(errors).toBeUndefined();
  return data!.servers.totalCount;
};
const earlyRate = 20;
/** A seed (from `from` on) whose run adds a server within its first 40 events (any hour: the mix does not depend on the clock). */
const seedAddingEarly = (from: number) => {
  const seed = Array.from({ length: 20_000 }, (_, s) => from + s).find((s) => {
    const generator = createGenerator({ seed: s, catalogue, start: new Date(), intervalMs: 1000 / earlyRate, anyHour: true });
    return Array.from({ length: 40 }, () => generator.next().kind).includes('server-add');
  });
  if (seed === undefined) throw new Error('no seed adds a server within 40 events');
  return seed;
};
const readFigures = async () => new Map(await Promise.all(figures.map(async (f) => [f.figure, at(await stack.query(f.operation, f.variables, 'admin'), f.path)] as const)));

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  started = new Date();
  before = await readFigures();
  client = bearerSocket(stack.gateway.url, await stack.tokenFor('admin'));
  live = Object.fromEntries(Object.entries(streams).map(([kind, queries]) => [kind, queries.map((query) => subscribe<unknown>(client, query))])) as typeof live;
  // Upstream subscriptions open asynchronously: feed single rounds until every stream has seen one.
  await eventually(async () => {
    await runFeed(options({ seed: 1000 + rounds++ }));
    return Object.values(live).every((lives) => delivered(lives) > 0);
  }, 30_000, 'every stream to go live');
}, 180_000);

afterAll(async () => {
  for (const l of Object.values(live ?? {}).flat()) l.stop();
  await client?.dispose();
  await stack?.stop();
});

describe('the feed through the gateway', () => {
  it('--once sends one event of each kind and each reaches a subscriber', async () => {
    const seen = Object.fromEntries(Object.entries(live).map(([kind, lives]) => [kind, delivered(lives)]));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'feed', 'src', 'cli.ts'), '--once', '--seed', '42'], {
      env: { ...process.env, FEED_URL: stack.gateway.url, FEED_TOKEN: await stack.tokenFor('ingest'), LOG_LEVEL: 'warn' },
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { sent: Record<string, number>; dropped: number };
    expect(report.dropped).toBe(0);
    expect(report.sent).toEqual({ alert: 1, bts: 1, 'server-health': 1, dossier: 1, resolution: 1, feedback: 1, 'server-add': 1, 'server-retire': 1 });
    for (const [kind, lives] of Object.entries(live)) {
      await eventually(() => delivered(lives) > seen[kind]!, 15_000, `a ${kind} event`);
      expect(lives.flatMap((l) => l.errors), kind).toEqual([]);
    }
  });

  it('a short timed run sends every event it makes', async () => {
    const report = await runFeed(options({ once: false, rate: 50, durationMs: 3000, seed: 7 }));
    // How many it sends depends on the machine's speed; that none is lost or refused does not.
    expect(report).toMatchObject({ dropped: 0, errors: 0 });
    expect(Object.values(report.sent).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('refuses to run with a token of a role that may not ingest, dropping rather than retrying', async () => {
    const report = await runFeed(options({ token: () => stack.tokenFor('ioc-viewer') }));
    expect(report.dropped).toBe(8);
    expect(Object.values(report.sent).every((n) => n === 0)).toBe(true);
  });

  it('Ctrl-C (its signal) retires the servers it added before it stops: servers.total as it found it', async () => {
    const before = await activeServers();
    const seed = seedAddingEarly(0);
    const abort = new AbortController();
    const running = runFeed(options({ once: false, rate: earlyRate, seed, anyHour: true, signal: abort.signal }));
    await eventually(async () => (await activeServers()) > before, 20_000, 'the feed to add a server');
    abort.abort();
    const report = await running;
    expect(report.servers.retiredOnStop).toBeGreaterThan(0);
    expect(report.servers.notRetired).toEqual([]);
    expect(await activeServers()).toBe(before);
  });

  it('the CLI on SIGINT (Ctrl-C) does the same', async () => {
    const before = await activeServers();
    const seed = seedAddingEarly(5000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'feed', 'src', 'cli.ts'), '--rate', String(earlyRate), '--seed', String(seed), '--any-hour'], {
      env: { ...process.env, FEED_URL: stack.gateway.url, FEED_TOKEN: await stack.tokenFor('ingest'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await eventually(async () => (await activeServers()) > before, 30_000, 'the feed to add a server');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as { servers: { retiredOnStop: number; notRetired: unknown[] } };
    expect(report.servers.retiredOnStop).toBeGreaterThan(0);
    expect(report.servers.notRetired).toEqual([]);
    expect(await activeServers()).toBe(before);
  });

  it('retires at start what an earlier run left in service (a crash)', async () => {
    const before = await activeServers();
    // What a crashed run leaves: synthetic servers an ingest caller added and never retired.
    for (const ipv4 of ['10.254.250.1', '10.254.250.2']) {
      const added = await stack.query<{ addServer: { id: string } }>(
        'mutation($input: AddServerInput!) { addServer(input: $input) { id } }',
        { input: { kind: 'VIRTUAL', hostId: 'host-12', cpuCores: 1, memoryGb: 2, diskGb: 20, ipv4, systemIds: [], synthetic: true } },
        'ingest',
      );
      expect(added.errors).toBeUndefined();
    }
    expect(await activeServers()).toBe(before + 2);
    const report = await runFeed(options({ seed: 11 }));
    expect(report.servers).toMatchObject({ leftovers: 2, leftoversRetired: 2, notRetired: [] });
    expect(report.dropped).toBe(0);
    expect(await activeServers()).toBe(before);
  });

  it('marks every record it created as synthetic', async () => {
    const client = new pg.Client({ connectionString: stack.database.url });
    await client.connect();
    try {
      // The feed's text mark finds its dossiers and feedback, the time its alerts (first seen since the feed began); each must carry the flag.
      const { rows } = await client.query<{ kind: string; total: number; flagged: number }>(
        `SELECT 'alert' AS kind, count(*)::int AS total, count(*) FILTER (WHERE synthetic)::int AS flagged FROM security.alert WHERE first_seen >= $2
         UNION ALL SELECT 'dossier', count(*)::int, count(*) FILTER (WHERE d.synthetic)::int FROM egov.dossier d JOIN egov.dossier_applicant a ON a.dossier_id = d.id WHERE a.full_name LIKE $1
         UNION ALL SELECT 'feedback', count(*)::int, count(*) FILTER (WHERE synthetic)::int FROM egov.feedback WHERE content LIKE $1
         UNION ALL SELECT 'server (the feed adds VMs on 10.254.0.0/16, retired by the end of each run)', count(*)::int, count(*) FILTER (WHERE synthetic AND status = 'RETIRED')::int FROM infrastructure.server WHERE ipv4 LIKE '10.254.%'`,
        [`%${syntheticMark}%`, started],
      );
      for (const row of rows) {
        expect(row.total, row.kind).toBeGreaterThan(0);
        expect(row.flagged, row.kind).toBe(row.total);
      }
    } finally {
      await client.end();
    }
  });

  it('leaves every figure of the plan as it was (the feed writes only "now")', async () => {
    expect(await readFigures()).toEqual(before);
  });
});
