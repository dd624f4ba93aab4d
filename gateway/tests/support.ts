import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Role } from '@ioc/kit';
import { devAuthOptions, generateDevSecrets, signDevToken } from '../src/auth/dev-keys';

/** Keys for one test file: the gateway verifies with them, `tokenFor` signs callers. */
export function testKeys() {
  const secrets = generateDevSecrets();
  return {
    secrets,
    auth: devAuthOptions(secrets),
    tokenFor: (role: Role = 'admin', agencyId?: string, ttlSeconds?: number) => signDevToken(secrets, role, { agencyId, ttlSeconds }),
  };
}

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  completed: Promise<void>;
  stop: () => void;
  /** Resolves when `count` events have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
}

export function wsClient(url: string, token: string): Client {
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: { authorization: `Bearer ${token}` } });
}

export function collect<T>(client: Client, query: string, variables?: Record<string, unknown>): Collected<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: Array<() => void> = [];
  let finish!: () => void;
  const completed = new Promise<void>((resolve) => (finish = resolve));
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data as T);
        notify();
      },
      error: (error) => {
        if (Array.isArray(error)) errors.push(...error);
        else errors.push(error);
        finish();
        notify();
      },
      complete: () => {
        finish();
        notify();
      },
    },
  );
  return {
    events,
    errors,
    completed,
    stop,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${events.length}; errors: ${JSON.stringify(errors)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events;
    },
  };
}

export async function post<T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

/** Reads one sample from Prometheus text: `name` or `name{labels}`. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not exported`);
  return Number(line.slice(name.length + 1));
}

export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
