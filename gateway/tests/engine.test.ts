import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSubgraphSchemaOf, silentLogger } from '@ioc/kit';
import { eventually } from '@ioc/kit/testing';
import { composeSupergraph } from '../src/compose';
import { createGatewayMetrics } from '../src/metrics';
import { slowClientCloseCode } from '../src/subscriptions/client-stream';
import { backlogFull, SubscriptionEngine, type SubscriptionEngineOptions } from '../src/subscriptions/engine';
import type { UpstreamListener } from '../src/subscriptions/upstream';
import { fakeSocket } from './support';
import { labelsSubgraph } from './fixtures/labels.subgraph';
import { ticksSubgraph } from './fixtures/ticks.subgraph';

let supergraph: string;
beforeAll(async () => {
  supergraph = composeSupergraph([
    { name: 'ticks', url: 'http://ticks/graphql', sdl: (await buildSubgraphSchemaOf(ticksSubgraph)).sdl },
    { name: 'labels', url: 'http://labels/graphql', sdl: (await buildSubgraphSchemaOf(labelsSubgraph)).sdl },
  ]);
});

/** An upstream pool that lets the test play the subgraph. */
function fakePool() {
  const listeners: UpstreamListener[] = [];
  const opened: Array<{ service: string; query: string }> = [];
  return {
    listeners,
    opened,
    listen(service: string, query: string, _variables: Record<string, unknown>, _scope: string, listener: UpstreamListener) {
      opened.push({ service, query });
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    closeAll: async () => undefined,
  };
}

function engineWith(pool: ReturnType<typeof fakePool>, clientQueueLimit: number, more: Partial<SubscriptionEngineOptions> = {}) {
  const metrics = createGatewayMetrics();
  const engine = new SubscriptionEngine({ pool, dataSources: () => ({}), metrics, logger: silentLogger, clientQueueLimit, groupBacklogLimit: 5000, ...more });
  engine.setSupergraph(supergraph);
  return { engine, metrics };
}

/** Subscribes a client on its own socket: what the engine sends it is in `socket.payloads()`. */
const subscribeTo = (engine: SubscriptionEngine, query = 'subscription { ticked { id n } }', variables: Record<string, unknown> = {}) => {
  const socket = fakeSocket();
  const stream = engine.subscribe({ document: parse(query), variables, scope: 'viewer', context: {}, client: { socket, operationId: 'op' } });
  if (!(Symbol.asyncIterator in stream)) throw new Error(`refused: ${JSON.stringify(stream)}`);
  return { socket, stream };
};

/** A labels data source whose entity fetches wait until the test opens their gate (`gates`, in order). */
function heldLabels() {
  const gates: Array<() => void> = [];
  const labels = {
    process: (request: { request: { variables?: { representations?: Array<{ id: string }> } } }) =>
      new Promise<{ data: Record<string, unknown> }>((resolve) => {
        const representations = request.request.variables?.representations ?? [];
        gates.push(() => resolve({ data: { _entities: representations.map(({ id }) => ({ __typename: 'Tick', label: `label-${id}` })) } }));
      }),
  };
  return { gates, labels };
}

const gauge = async (metric: { get(): Promise<{ values: Array<{ value: number }> }> }) => (await metric.get()).values[0]?.value ?? 0;

describe('subscription engine', () => {
  it('opens the primary fetch on the owning subgraph once for identical subscribers', () => {
    const pool = fakePool();
    const { engine } = engineWith(pool, 10);
    subscribeTo(engine);
    subscribeTo(engine);
    expect(pool.opened).toHaveLength(1);
    expect(pool.opened[0]!.service).toBe('ticks');
    expect(pool.opened[0]!.query).toMatch(/^subscription/);
    expect(engine.groupCount).toBe(1);
  });

  it('cuts off a subscriber whose socket stopped taking events with 4499, keeps serving the others, and never crashes on a burst', async () => {
    const pool = fakePool();
    const { engine, metrics } = engineWith(pool, 10);
    const fast = subscribeTo(engine);
    const slow = subscribeTo(engine);
    slow.socket.backedUp = true;
    for (let n = 0; n < 2000; n++) pool.listeners[0]!.next({ data: { ticked: { __typename: 'Tick', id: `t${n}`, n } } });
    await eventually(() => fast.socket.payloads().length === 2000, 10_000, 'the fast client to get every event');
    const received = fast.socket.payloads().map((payload) => payload.data);
    expect(received[0]).toEqual({ ticked: { id: 't0', n: 0 } });
    expect(received[1999]).toEqual({ ticked: { id: 't1999', n: 1999 } });
    expect(slow.socket.closed).toEqual({ code: slowClientCloseCode, reason: 'subscriber too slow: 10 events were waiting' });
    expect(await slow.stream.next()).toEqual({ value: undefined, done: true });
    expect(await gauge(metrics.slowClientsDropped)).toBe(1);
    expect(await gauge(metrics.subscriptionsActive)).toBe(1);
    expect(await gauge(metrics.restExecutions)).toBe(2000);
  });

  it('passes an upstream failure to every subscriber as an error, then ends', async () => {
    const pool = fakePool();
    const { engine, metrics } = engineWith(pool, 10);
    const { socket, stream } = subscribeTo(engine);
    pool.listeners[0]!.error([{ message: 'subgraph "ticks" is unavailable: gone', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }]);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(socket.payloads()).toEqual([{ errors: [{ message: 'subgraph "ticks" is unavailable: gone', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] }]);
    expect(engine.groupCount).toBe(0);
    expect(await gauge(metrics.subscriptionsActive)).toBe(0);
  });

  it('completes an event once for groups that differ only in their root-field filters', async () => {
    const pool = fakePool();
    const { engine, metrics } = engineWith(pool, 10);
    const query = 'subscription Ticks($parity: String, $withN: Boolean!) { ticked(parity: $parity) { id n @include(if: $withN) } }';
    const even = subscribeTo(engine, query, { parity: 'even', withN: true });
    const any = subscribeTo(engine, query, { parity: null, withN: true });
    const withoutN = subscribeTo(engine, query, { parity: 'even', withN: false });
    expect(engine.groupCount).toBe(3);
    const event = { data: { ticked: { __typename: 'Tick', id: 't2', n: 2 } } };
    for (const listener of pool.listeners) listener.next(event);
    await eventually(() => [even, any, withoutN].every(({ socket }) => socket.payloads().length === 1), 5000, 'each group to deliver the event');
    expect(even.socket.payloads()).toEqual([{ data: { ticked: { id: 't2', n: 2 } } }]);
    expect(any.socket.payloads()).toEqual([{ data: { ticked: { id: 't2', n: 2 } } }]);
    expect(withoutN.socket.payloads()).toEqual([{ data: { ticked: { id: 't2' } } }]);
    // parity chooses events only; withN changes the result: two completions, not three.
    expect(await gauge(metrics.restExecutions)).toBe(2);
  });

  it('bounds the events a group holds while completing is slower than they arrive: full, it ends the group with a resubscribe error', async () => {
    const pool = fakePool();
    // The labels subgraph answers the entity fetch only when the test lets it: completion is stuck.
    const { gates, labels } = heldLabels();
    const logged: Array<{ message: string; fields?: unknown }> = [];
    const logger = { ...silentLogger, warn: (message: string, fields?: unknown) => void logged.push({ message, fields }) };
    const { engine, metrics } = engineWith(pool, 10_000, { groupBacklogLimit: 50, dataSources: () => ({ labels: labels as never }), logger: logger as never });
    const query = 'subscription { ticked { id n label } }';
    const a = subscribeTo(engine, query);
    const b = subscribeTo(engine, query);
    const tick = (n: number) => pool.listeners[0]!.next({ data: { ticked: { __typename: 'Tick', id: `t${n}`, n } } });
    tick(0);
    await eventually(() => gates.length === 1, 5000, 'the first event to wait on its entity fetch');
    // One being completed, 50 waiting: the bound is reached, not passed.
    for (let n = 1; n <= 50; n++) tick(n);
    expect(engine.groupCount).toBe(1);
    expect(a.socket.payloads()).toEqual([]);
    expect(await gauge(metrics.backlogOverflows)).toBe(0);
    // The 51st waiting event overflows it: the group ends, both clients are told why and to resubscribe.
    tick(51);
    expect(engine.groupCount).toBe(0);
    expect(pool.listeners).toHaveLength(0);
    for (const client of [a, b]) {
      expect(client.socket.payloads()).toEqual([{ errors: [backlogFull(50)] }]);
      expect(await client.stream.next()).toEqual({ value: undefined, done: true });
    }
    expect(backlogFull(50).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'SUBSCRIPTION_BACKLOG_FULL' });
    expect(await gauge(metrics.backlogOverflows)).toBe(1);
    expect(await gauge(metrics.subscriptionsActive)).toBe(0);
    expect(logged).toEqual([{ message: 'ended a subscription group that fell behind', fields: expect.objectContaining({ limit: 50, clients: 2, service: 'ticks' }) }]);
    // The stuck completion finishing late delivers nothing more, and the dropped backlog is never completed.
    for (const open of gates.splice(0)) open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gates).toHaveLength(0);
    expect(a.socket.payloads()).toHaveLength(1);
    expect(await gauge(metrics.restExecutions)).toBe(1);
  });

  it('completes a backlog in arrival order once completion catches up', async () => {
    const pool = fakePool();
    const { gates, labels } = heldLabels();
    const { engine } = engineWith(pool, 10_000, { groupBacklogLimit: 50, dataSources: () => ({ labels: labels as never }) });
    const a = subscribeTo(engine, 'subscription { ticked { id label } }');
    for (let n = 0; n <= 50; n++) pool.listeners[0]!.next({ data: { ticked: { __typename: 'Tick', id: `t${n}`, n } } });
    const released = async () => {
      while (a.socket.payloads().length < 51) {
        await eventually(() => gates.length > 0, 5000, 'the next entity fetch');
        gates.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await released();
    expect(a.socket.payloads().map((payload) => (payload.data as { ticked: { id: string } }).ticked.id)).toEqual(Array.from({ length: 51 }, (_, n) => `t${n}`));
    expect(engine.groupCount).toBe(1);
  });

  it('refuses what it cannot plan with a GraphQL error rather than throwing', () => {
    const pool = fakePool();
    const { engine } = engineWith(pool, 10);
    const result = engine.subscribe({ document: parse('{ labelsVersion }'), variables: {}, scope: 's', context: {}, client: { socket: fakeSocket(), operationId: 'op' } });
    expect(result).toMatchObject({ errors: [{ message: expect.stringMatching(/cannot plan this subscription/) }] });
  });
});
