import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearerSocket, eventually, subscribe, type Live } from '@ioc/kit/testing';
import { startStack, type Stack } from '../support/stack';

/**
 * One live stream of the graph, as the IOC console uses it. `expect` lists paths into the event
 * (`alertRaised.system.hosting.servers.0.id`) that must be non-null. In the variables of `setup`
 * and `trigger`, "{{run}}" inside a string becomes a token unique to each run (so a retried
 * trigger raises a new alert rather than repeating one), and a whole string "{{setup.a.b}}"
 * becomes the value at `a.b` in the data `setup` returned (e.g. the id of the dossier it received).
 */
interface LiveEntry {
  name: string;
  subscription: string;
  variables: Record<string, unknown>;
  setup?: Operation;
  trigger: Operation;
  expect: string[];
}

interface Operation {
  operation: string;
  variables: Record<string, unknown>;
}

const entries = JSON.parse(readFileSync(join(import.meta.dirname, 'live.json'), 'utf8')) as LiveEntry[];

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], value);
}

function fill(value: unknown, run: string, setup: unknown): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{setup\.([\w.]+)\}\}$/.exec(value);
    if (whole) return at(setup, whole[1]!);
    return value.replaceAll('{{run}}', run);
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, run, setup));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, run, setup)]));
  return value;
}

let stack: Stack;
let client: Client;
let runs = 0;

/** Runs the entry's setup (if any) and trigger as an admin through the gateway; fails on any GraphQL error. */
async function trigger(entry: LiveEntry): Promise<void> {
  const run = `run-${Date.now().toString(36)}-${runs++}`;
  let setup: unknown;
  if (entry.setup) {
    const result = await stack.query(entry.setup.operation, fill(entry.setup.variables, run, undefined) as Record<string, unknown>, 'admin');
    expect(result.errors, `${entry.name}: setup`).toBeUndefined();
    setup = result.data;
  }
  const result = await stack.query(entry.trigger.operation, fill(entry.trigger.variables, run, setup) as Record<string, unknown>, 'admin');
  expect(result.errors, `${entry.name}: trigger`).toBeUndefined();
}

/** Upstream subscriptions open asynchronously: trigger until the subscriber sees an event. */
async function untilLive(entry: LiveEntry, subscription: Live<unknown>): Promise<void> {
  await eventually(
    async () => {
      if (subscription.events.length > 0) return true;
      if (subscription.errors.length > 0) throw new Error(`${entry.name}: ${JSON.stringify(subscription.errors)}`);
      await trigger(entry);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return subscription.events.length > 0;
    },
    20_000,
    `${entry.name} to go live`,
  );
}

beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
  client = bearerSocket(stack.gateway.url, await stack.tokenFor('admin'));
}, 180_000);

afterAll(async () => {
  await client?.dispose();
  await stack?.stop();
});

describe('the live contract: every stream of tests/contract/live.json through the gateway', () => {
  it('has an entry for every stream the IOC console uses', () => {
    const fields = entries.map((entry) => /\{\s*(\w+)/.exec(entry.subscription.slice(entry.subscription.indexOf('{')))?.[1]);
    for (const field of ['alertRaised', 'alertUpdated', 'btsStatusChanged', 'serverHealthChanged', 'dossierReceived', 'dossierResolved', 'feedbackReceived']) {
      expect(fields).toContain(field);
    }
    expect(fields.some((field) => field?.endsWith('IndicatorChanged'))).toBe(true);
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
    const subscription = subscribe<unknown>(client, entry.subscription, entry.variables);
    try {
      await untilLive(entry, subscription);
      const seen = subscription.events.length;
      await trigger(entry);
      const events = await subscription.waitFor(seen + 1, 15_000);
      expect(subscription.errors, entry.name).toEqual([]);
      const event = events.at(-1);
      for (const path of entry.expect) {
        expect(at(event, path), `${entry.name}: ${path} in ${JSON.stringify(event)}`).not.toBeNull();
        expect(at(event, path), `${entry.name}: ${path} in ${JSON.stringify(event)}`).not.toBeUndefined();
      }
    } finally {
      subscription.stop();
    }
  });
});
