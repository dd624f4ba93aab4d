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

/**
 * A subscriber's socket the test controls: `backedUp` plays a socket whose buffers are full (what
 * it is sent waits for `flush()`); otherwise every frame leaves at once.
 */
export function fakeSocket() {
  const pending: Array<() => void> = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    backedUp: false,
    frames: [] as string[],
    closed: undefined as { code: number; reason: string } | undefined,
    get bufferedAmount() {
      return socket.backedUp ? Number.MAX_SAFE_INTEGER : 0;
    },
    send(data: string, written: () => void) {
      socket.frames.push(data);
      if (socket.backedUp) pending.push(written);
      else queueMicrotask(written);
    },
    close(code: number, reason: string) {
      socket.closed ??= { code, reason };
      socket.readyState = 3;
    },
    /** The client caught up: what was sent has left, and the frames' callbacks run. */
    flush() {
      socket.backedUp = false;
      for (const written of pending.splice(0)) written();
    },
    /** The `next` payloads sent for one operation, parsed. */
    payloads(operationId = 'op') {
      return socket.frames.map((frame) => JSON.parse(frame) as { id: string; type: string; payload: { data?: unknown; errors?: unknown[] } }).filter((m) => m.id === operationId && m.type === 'next').map((m) => m.payload);
    },
  };
  return socket;
}
