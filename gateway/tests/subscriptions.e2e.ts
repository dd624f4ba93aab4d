import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSubgraphSchemaOf, silentLogger, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { composeSupergraph } from '../src/compose';
import { startGateway, type RunningGateway } from '../src/server';
import { labelResolutions, labelsSubgraph } from './fixtures/labels.subgraph';
import { ticksSubgraph } from './fixtures/ticks.subgraph';
import { asCaller, bearerSocket, eventually, subscribe, type Live } from '@ioc/kit/testing';
import { metric, post, testKeys } from './support';

interface Ticked {
  ticked: { id: string; n: number; label: string; cursor: string };
}
const crossSubgraph = 'subscription Ticks($parity: String, $after: String) { ticked(parity: $parity, after: $after) { id n label cursor } }';
const tickMutation = 'mutation Tick($id: String!, $n: Int!) { tick(id: $id, n: $n) { id } }';

let database: TestDatabase;
let ticks: RunningSubgraph;
let ticksReplica: RunningSubgraph;
let labels: RunningSubgraph;
let gateway: RunningGateway;
let dir: string;
let supergraphPath: string;
let base: string;
let probe = 0;
let token: string;
const keys = testKeys();
const bearer = () => ({ authorization: `Bearer ${token}` });

async function compose(labelsUrl = labels.url) {
  return composeSupergraph([
    { name: 'ticks', url: ticks.url, sdl: (await buildSubgraphSchemaOf(ticksSubgraph)).sdl },
    { name: 'labels', url: labelsUrl, sdl: (await buildSubgraphSchemaOf(labelsSubgraph)).sdl },
  ]);
}

const startTicks = (port = 0) =>
  startSubgraph(ticksSubgraph, { port, host: '127.0.0.1', databaseUrl: database.url, gatewayTokenSecret: keys.secrets.gatewayTokenSecret, logger: silentLogger });
const tick = async (id: string, n: number, url = gateway.url) =>
  post(url, tickMutation, { id, n }, url === gateway.url ? bearer() : await asCaller({}, keys.secrets.gatewayTokenSecret));

/** Upstream subscriptions open asynchronously: tick until the subscriber sees an event. */
async function untilLive<T>(subscription: Live<T>, n = 0): Promise<void> {
  const seen = subscription.events.length;
  await eventually(async () => {
    if (subscription.events.length > seen) return true;
    await tick(`probe-${probe++}`, n);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return subscription.events.length > seen;
  }, 15_000, 'the subscription to go live');
}

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresAdminUrl'), 'subs');
  ticks = await startTicks();
  ticksReplica = await startTicks();
  labels = await startSubgraph(labelsSubgraph, { port: 0, host: '127.0.0.1', databaseUrl: database.url, gatewayTokenSecret: keys.secrets.gatewayTokenSecret, logger: silentLogger });
  token = await keys.tokenFor('admin');
  dir = mkdtempSync(join(tmpdir(), 'ioc-subs-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, await compose());
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath, auth: keys.auth, logger: silentLogger });
  base = gateway.url.replace('/graphql', '');
});

afterAll(async () => {
  await gateway?.close();
  for (const server of [ticks, ticksReplica, labels]) await server?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('federated subscriptions through the gateway', () => {
  it('completes each event with fields from another subgraph', async () => {
    const client = bearerSocket(gateway.url, token);
    const sub = subscribe<Ticked>(client, crossSubgraph);
    await untilLive(sub);
    await tick('alpha', 7);
    const events = await sub.waitFor(2);
    expect(events.at(-1)).toEqual({ ticked: { id: 'alpha', n: 7, label: 'label-alpha', cursor: expect.any(String) } });
    sub.stop();
    await client.dispose();
  });

  it('shares one upstream subscription and one entity fetch per event among identical subscribers', async () => {
    const clients = Array.from({ length: 10 }, () => bearerSocket(gateway.url, token));
    const subs = Array.from({ length: 100 }, (_, i) => subscribe<Ticked>(clients[i % 10]!, crossSubgraph, { parity: 'odd' }));
    await eventually(async () => (await metric(base, 'ioc_gateway_subscriptions_active')) === 100, 10_000, '100 subscriptions');
    // Everyone live: probe until each subscriber has seen an event, then let stragglers settle.
    await eventually(async () => {
      await tick(`probe-${probe++}`, 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return subs.every((sub) => sub.events.length > 0);
    }, 15_000, 'all 100 subscribers live');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await metric(base, 'ioc_gateway_upstream_subscriptions')).toBe(1);
    expect(await metric(base, 'ioc_gateway_subscription_groups')).toBe(1);
    const seen = subs.map((sub) => sub.events.length);

    const events = await metric(base, 'ioc_gateway_subscription_events_total');
    const rest = await metric(base, 'ioc_gateway_subscription_rest_executions_total');
    const labelled = labelResolutions();
    await tick('shared', 3);
    await Promise.all(subs.map((sub, i) => sub.waitFor(seen[i]! + 1)));
    for (const sub of subs) expect(sub.events.at(-1)).toMatchObject({ ticked: { id: 'shared', label: 'label-shared' } });
    expect(await metric(base, 'ioc_gateway_subscription_events_total')).toBe(events + 1);
    expect(await metric(base, 'ioc_gateway_subscription_rest_executions_total')).toBe(rest + 1);
    expect(labelResolutions()).toBe(labelled + 1);

    subs.forEach((sub) => sub.stop());
    await Promise.all(clients.map((client) => client.dispose()));
    await eventually(async () => (await metric(base, 'ioc_gateway_upstream_subscriptions')) === 0, 5000, 'upstream to close');
    expect(await metric(base, 'ioc_gateway_subscriptions_active')).toBe(0);
  });

  it('keeps subscribers with different variables apart', async () => {
    const client = bearerSocket(gateway.url, token);
    const odd = subscribe<Ticked>(client, crossSubgraph, { parity: 'odd' });
    const even = subscribe<Ticked>(client, crossSubgraph, { parity: 'even' });
    await untilLive(odd, 1);
    await untilLive(even, 2);
    expect(await metric(base, 'ioc_gateway_upstream_subscriptions')).toBe(2);
    expect(await metric(base, 'ioc_gateway_subscription_groups')).toBe(2);
    const oddBefore = odd.events.length;
    const evenBefore = even.events.length;
    await tick('four', 4);
    await even.waitFor(evenBefore + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(even.events.at(-1)).toMatchObject({ ticked: { id: 'four', n: 4 } });
    expect(odd.events.slice(oddBefore).map((e) => e.ticked.id)).not.toContain('four');
    odd.stop();
    even.stop();
    await client.dispose();
  });

  it('resumes from a cursor: every missed event once, in order, then live ones', async () => {
    const first = bearerSocket(gateway.url, token);
    const before = subscribe<Ticked>(first, crossSubgraph);
    await untilLive(before);
    await tick('r1', 1);
    const seen = await before.waitFor(2);
    const cursor = seen.at(-1)!.ticked.cursor;
    before.stop();
    await first.dispose();

    await tick('r2', 2);
    await tick('r3', 3);

    const second = bearerSocket(gateway.url, token);
    const resumed = subscribe<Ticked>(second, crossSubgraph, { after: cursor });
    const replayed = await resumed.waitFor(2);
    expect(replayed.map((e) => e.ticked.id)).toEqual(['r2', 'r3']);
    expect(replayed[0]!.ticked.label).toBe('label-r2');
    await eventually(async () => {
      await tick('r4', 4);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return resumed.events.some((e) => e.ticked.id === 'r4');
    }, 10_000, 'live events after replay');
    const ids = resumed.events.map((e) => e.ticked.id).filter((id) => id.startsWith('r'));
    expect(ids.slice(0, 3)).toEqual(['r2', 'r3', 'r4']);
    expect(new Set(ids).size).toBe(ids.length);
    resumed.stop();
    await second.dispose();
  });

  it('a subscriber resuming from the same cursor as one already streaming still gets what it missed (its own upstream, not a late seat in the first one)', async () => {
    const first = bearerSocket(gateway.url, token);
    const before = subscribe<Ticked>(first, crossSubgraph);
    await untilLive(before);
    await tick('c1', 1);
    const cursor = (await before.waitFor(2)).at(-1)!.ticked.cursor;
    before.stop();
    await tick('c2', 2);

    const early = subscribe<Ticked>(first, crossSubgraph, { after: cursor });
    expect((await early.waitFor(1)).map((e) => e.ticked.id)).toEqual(['c2']);
    // Same document, variables and scope as `early`, which has already streamed c2.
    const late = subscribe<Ticked>(first, crossSubgraph, { after: cursor });
    expect((await late.waitFor(1)).map((e) => e.ticked.id)).toEqual(['c2']);
    await tick('c3', 3);
    await early.waitFor(2);
    await late.waitFor(2);
    expect(late.events.map((e) => e.ticked.id)).toEqual(['c2', 'c3']);
    expect(early.events.map((e) => e.ticked.id)).toEqual(['c2', 'c3']);
    early.stop();
    late.stop();
    await first.dispose();
  });

  it('delivers events written through another replica of the subgraph', async () => {
    const client = bearerSocket(gateway.url, token);
    const sub = subscribe<Ticked>(client, crossSubgraph);
    await untilLive(sub);
    const replicaResult = await tick('from-replica', 11, ticksReplica.url);
    expect(replicaResult.body.errors).toBeUndefined();
    await eventually(() => sub.events.some((e) => e.ticked.id === 'from-replica'), 10_000, 'the replica event');
    expect(sub.events.find((e) => e.ticked.id === 'from-replica')!.ticked.label).toBe('label-from-replica');
    sub.stop();
    await client.dispose();
  });

  it('answers queries over the socket and refuses subscriptions over HTTP with a clear 400', async () => {
    const client = bearerSocket(gateway.url, token);
    const result = await new Promise((resolve, reject) =>
      client.subscribe({ query: '{ labelsVersion }' }, { next: resolve, error: reject, complete: () => undefined }),
    );
    expect(result).toEqual({ data: { labelsVersion: '1' } });
    const refused = subscribe(client, 'subscription { nope }');
    await refused.completed;
    expect(refused.errors[0]).toMatchObject({ message: 'Cannot query field "nope" on type "Subscription".' });
    await client.dispose();

    const http = await post(gateway.url, crossSubgraph, {}, bearer());
    expect(http.status).toBe(400);
    expect(http.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/WebSocket/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('ends subscriptions with an actionable error when the owning subgraph goes away, and works again when it is back', async () => {
    const client = bearerSocket(gateway.url, token);
    const sub = subscribe<Ticked>(client, crossSubgraph);
    await untilLive(sub);
    const port = ticks.port;
    await ticks.close();
    await sub.completed;
    expect(sub.errors[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ticks' } });

    ticks = await startTicks(port);
    const again = subscribe<Ticked>(client, crossSubgraph);
    await untilLive(again);
    await client.dispose();
  });

  it('tells subscribers to resubscribe when the supergraph is reloaded', async () => {
    const client = bearerSocket(gateway.url, token);
    const sub = subscribe<Ticked>(client, crossSubgraph);
    await untilLive(sub);
    writeFileSync(supergraphPath, await compose(`${labels.url}?v=2`));
    await sub.completed;
    expect(sub.errors).toContainEqual(expect.objectContaining({ extensions: { code: 'SUPERGRAPH_RELOADED' } }));
    await client.dispose();
  });
});
