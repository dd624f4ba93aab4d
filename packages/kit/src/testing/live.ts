import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Principal } from '../auth/principal';
import { asCaller } from './index';

/** A graphql-ws client straight to a subgraph, presenting a gateway token for `caller` (default admin). */
export function subgraphSocket(url: string, caller: Partial<Principal> = {}): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: async () => ({ gatewayToken: (await asCaller(caller))['ioc-gateway-token'] }),
  });
}

/** A graphql-ws client to the gateway, presenting a caller's bearer token as clients do. */
export function bearerSocket(url: string, token: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { authorization: `Bearer ${token}` },
  });
}

export interface Live<T> {
  events: T[];
  errors: unknown[];
  completed: Promise<void>;
  stop(): void;
  /** Resolves once `count` events have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
}

/** Subscribes and records every event and error as it arrives. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Live<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let finish!: () => void;
  const completed = new Promise<void>((resolve) => (finish = resolve));
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data as T);
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        finish();
      },
      complete: finish,
    },
  );
  return {
    events,
    errors,
    completed,
    stop,
    async waitFor(count, timeoutMs = 10_000) {
      await eventually(() => events.length >= count || errors.length > 0, timeoutMs, `${count} events`);
      if (events.length < count) throw new Error(`expected ${count} events, got ${events.length}; errors: ${JSON.stringify(errors)}`);
      return events;
    },
  };
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The subscription's stream opens asynchronously: run `trigger` until the first event arrives. */
export async function untilLive(live: Live<unknown>, trigger: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  const seen = live.events.length;
  await eventually(async () => {
    if (live.events.length > seen) return true;
    if (live.errors.length) throw new Error(`subscription failed: ${JSON.stringify(live.errors)}`);
    await trigger();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return live.events.length > seen;
  }, timeoutMs, 'the subscription to go live');
}

/** The events an event-bus stream delivers until none comes for `quietMs` (to assert all of a write's events, and that none followed). */
export async function drainEvents<T>(stream: AsyncIterator<T>, quietMs = 500): Promise<T[]> {
  const seen: T[] = [];
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<'quiet'>((resolve) => (timer = setTimeout(() => resolve('quiet'), quietMs)));
    const result = await Promise.race([stream.next(), quiet]);
    clearTimeout(timer);
    if (result === 'quiet' || result.done) return seen;
    seen.push(result.value);
  }
}
