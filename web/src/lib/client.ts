import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { CloseCode, createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { AuthStore } from './auth';
import type { ConnectionStore } from './connection';

/** ws(s)://host/graphql for the page's own origin: HTTP and WebSocket share the gateway's one URL. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/** A resume cursor read each time the subscription is (re)sent, so a retry asks from the last event seen. */
export type ResumeCursor = () => string | undefined;

export interface ConsoleClients {
  client: Client;
  socket: WsClient;
}

/**
 * urql for queries and mutations over HTTP, and for subscriptions over one graphql-ws socket.
 * graphql-ws re-sends a subscription's payload on every reconnect; variables given a `resume`
 * cursor in the operation context are read at that moment (JSON.stringify calls the getter).
 */
function closedWith(event: unknown, code: number): boolean {
  return typeof event === 'object' && event !== null && 'code' in event && (event as { code: unknown }).code === code;
}

export interface ClientOptions {
  /** HTTP URL of the graph (same origin by default). */
  url?: string;
  /** WebSocket URL; derived from the page's location by default. */
  socketUrl?: string;
  /** A WebSocket implementation where the runtime has none (Node 20). */
  webSocketImpl?: unknown;
}

export function createClients(auth: AuthStore, connection: ConnectionStore, options: ClientOptions = {}): ConsoleClients {
  const url = options.url ?? '/graphql';
  const authorization = (): Record<string, string> =>
    auth.current ? { authorization: `Bearer ${auth.current.token}` } : {};

  const socket = createWsClient({
    url: options.socketUrl ?? socketUrl(globalThis.location),
    webSocketImpl: options.webSocketImpl,
    connectionParams: authorization,
    retryAttempts: Number.POSITIVE_INFINITY,
    // The gateway closes a socket whose token is missing, invalid or expired with graphql-ws's 4401.
    shouldRetry: (event) => !closedWith(event, CloseCode.Unauthorized),
    retryWait: async (retries) => {
      const ms = Math.min(1000 * 2 ** retries, 10_000) * (0.75 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    keepAlive: 15_000,
    on: {
      connected: () => connection.connected(),
      closed: (event) => {
        if (closedWith(event, CloseCode.Unauthorized)) auth.markExpired();
        connection.lost();
      },
      error: () => connection.lost(),
    },
  });

  const fetchWithAuth: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) auth.markExpired();
    return response;
  };

  const client = new Client({
    url,
    fetch: fetchWithAuth,
    fetchOptions: () => ({ headers: authorization() }),
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: the gateway's CSRF guard refuses GETs without a preflighted header.
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const resume = operation.context.resume as ResumeCursor | undefined;
          const variables: Record<string, unknown> = { ...(request.variables ?? {}) };
          if (resume) {
            Object.defineProperty(variables, 'after', { enumerable: true, get: resume });
          }
          const payload = { ...request, query: request.query ?? '', variables };
          return {
            subscribe(sink) {
              const unsubscribe = socket.subscribe(payload, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return { client, socket };
}
