import { parse, type ExecutionResult } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSubgraphSchemaOf, silentLogger } from '@ioc/kit';
import { composeSupergraph } from '../src/compose';
import { createGatewayMetrics } from '../src/metrics';
import { SubscriptionEngine } from '../src/subscriptions/engine';
import type { UpstreamListener } from '../src/subscriptions/upstream';
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

function engineWith(pool: ReturnType<typeof fakePool>, clientQueueLimit: number) {
  const metrics = createGatewayMetrics();
  const engine = new SubscriptionEngine({ pool, dataSources: () => ({}), metrics, logger: silentLogger, clientQueueLimit });
  engine.setSupergraph(supergraph);
  return { engine, metrics };
}

const subscribe = (engine: SubscriptionEngine, onSlowClient: (reason: string) => void = () => undefined) => {
  const stream = engine.subscribe({
    document: parse('subscription { ticked { id n } }'),
    variables: {},
    scope: 'viewer',
    context: {},
    onSlowClient,
  });
  if (!(Symbol.asyncIterator in stream)) throw new Error(`refused: ${JSON.stringify(stream)}`);
  return stream as AsyncIterableIterator<ExecutionResult>;
};

const subscribeTo = (engine: SubscriptionEngine, query: string, variables: Record<string, unknown>) =>
  engine.subscribe({ document: parse(query), variables, scope: 'viewer', context: {}, onSlowClient: () => undefined }) as AsyncIterableIterator<ExecutionResult>;

const gauge = async (metric: { get(): Promise<{ values: Array<{ value: number }> }> }) => (await metric.get()).values[0]?.value ?? 0;

describe('subscription engine', () => {
  it('opens the primary fetch on the owning subgraph once for identical subscribers', () => {
    const pool = fakePool();
    const { engine } = engineWith(pool, 10);
    subscribe(engine);
    subscribe(engine);
    expect(pool.opened).toHaveLength(1);
    expect(pool.opened[0]!.service).toBe('ticks');
    expect(pool.opened[0]!.query).toMatch(/^subscription/);
    expect(engine.groupCount).toBe(1);
  });

  it('cuts off a subscriber that stops reading, keeps serving the others, and never crashes on a burst', async () => {
    const pool = fakePool();
    const { engine, metrics } = engineWith(pool, 10);
    const slowReasons: string[] = [];
    const fast = subscribe(engine);
    subscribe(engine, (reason) => slowReasons.push(reason));
    const received: unknown[] = [];
    const reading = (async () => {
      for await (const result of fast) {
        received.push(result.data);
        if (received.length === 2000) break;
      }
    })();
    for (let n = 0; n < 2000; n++) pool.listeners[0]!.next({ data: { ticked: { __typename: 'Tick', id: `t${n}`, n } } });
    await reading;
    expect(received[0]).toEqual({ ticked: { id: 't0', n: 0 } });
    expect(received[1999]).toEqual({ ticked: { id: 't1999', n: 1999 } });
    expect(slowReasons).toEqual(['subscriber too slow: 10 events were waiting']);
    expect(await gauge(metrics.slowClientsDropped)).toBe(1);
    expect(await gauge(metrics.restExecutions)).toBe(2000);
  });

  it('passes an upstream failure to every subscriber as an error, then ends', async () => {
    const pool = fakePool();
    const { engine, metrics } = engineWith(pool, 10);
    const stream = subscribe(engine);
    pool.listeners[0]!.error([{ message: 'subgraph "ticks" is unavailable: gone', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }]);
    const first = await stream.next();
    expect(first.value.errors[0].toJSON()).toEqual({ message: 'subgraph "ticks" is unavailable: gone', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
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
    expect((await even.next()).value).toEqual({ data: { ticked: { id: 't2', n: 2 } } });
    expect((await any.next()).value).toEqual({ data: { ticked: { id: 't2', n: 2 } } });
    expect((await withoutN.next()).value).toEqual({ data: { ticked: { id: 't2' } } });
    // parity chooses events only; withN changes the result: two completions, not three.
    expect(await gauge(metrics.restExecutions)).toBe(2);
  });

  it('refuses what it cannot plan with a GraphQL error rather than throwing', () => {
    const pool = fakePool();
    const { engine } = engineWith(pool, 10);
    const result = engine.subscribe({ document: parse('{ labelsVersion }'), variables: {}, scope: 's', context: {}, onSlowClient: () => undefined });
    expect(result).toMatchObject({ errors: [{ message: expect.stringMatching(/cannot plan this subscription/) }] });
  });
});
