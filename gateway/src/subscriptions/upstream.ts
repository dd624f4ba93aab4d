import { createHash } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import type { Logger } from '@ioc/kit';
import type { GatewayMetrics } from '../metrics';

export interface UpstreamResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface UpstreamListener {
  next(result: UpstreamResult): void;
  /** The upstream ended abnormally (subgraph gone, subscription refused); the listener is dropped. */
  error(errors: readonly GraphQLFormattedError[]): void;
  /** The subgraph completed the subscription. */
  complete(): void;
}

export interface UpstreamPoolOptions {
  /** HTTP URL of a subgraph by name; the socket is the same URL over ws(s). */
  urlOf(service: string): string | undefined;
  /** `connectionParams` a subgraph connection of this scope presents (forwarded credentials). */
  connectionParams(scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  metrics: GatewayMetrics;
  logger: Logger;
}

interface Upstream {
  listeners: Set<UpstreamListener>;
  stop: () => void;
  /** Set by its first event: from then on it is no longer what a new subscription from the same cursor would see. */
  delivered: boolean;
}

/**
 * A subscription resumed from a cursor (`after`, the API's convention: docs/api.md) replays what
 * came after it. One that has already delivered events has passed some a newcomer with the same
 * cursor is owed, so the newcomer gets a subscription of its own instead of joining it.
 */
export const resumesFromCursor = (variables: Record<string, unknown>): boolean => variables.after !== undefined && variables.after !== null;

/**
 * Subscriptions the gateway holds on subgraphs: one multiplexed graphql-ws connection per
 * (subgraph, scope), one upstream subscription per distinct (subgraph, operation, variables, scope),
 * however many groups listen to it.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();
  private readonly upstreams = new Map<string, Upstream>();

  constructor(private readonly options: UpstreamPoolOptions) {}

  get size(): number {
    return this.upstreams.size;
  }

  listen(service: string, query: string, variables: Record<string, unknown>, scope: string, listener: UpstreamListener): () => void {
    const key = createHash('sha256').update(JSON.stringify([service, query, variables, scope])).digest('hex');
    let upstream = this.upstreams.get(key);
    if (!upstream || (upstream.delivered && resumesFromCursor(variables))) {
      upstream = this.open(key, service, query, variables, scope);
      this.upstreams.set(key, upstream);
      this.options.metrics.upstreamSubscriptions.set(this.upstreams.size);
    }
    const current = upstream;
    current.listeners.add(listener);
    return () => {
      if (!current.listeners.delete(listener) || current.listeners.size > 0) return;
      this.drop(key, current);
      current.stop();
    };
  }

  /** Ends every upstream (supergraph reload, shutdown); listeners are not called. */
  async closeAll(): Promise<void> {
    for (const [key, upstream] of [...this.upstreams]) {
      upstream.listeners.clear();
      this.drop(key, upstream);
      upstream.stop();
    }
    await Promise.all([...this.clients.values()].map((client) => client.dispose()));
    this.clients.clear();
  }

  private drop(key: string, upstream: Upstream): void {
    if (this.upstreams.get(key) === upstream) this.upstreams.delete(key);
    this.options.metrics.upstreamSubscriptions.set(this.upstreams.size);
  }

  private open(key: string, service: string, query: string, variables: Record<string, unknown>, scope: string): Upstream {
    const listeners = new Set<UpstreamListener>();
    const upstream: Upstream = { listeners, stop: () => undefined, delivered: false };
    const fail = (errors: readonly GraphQLFormattedError[]) => {
      this.drop(key, upstream);
      for (const listener of [...listeners]) listener.error(errors);
      listeners.clear();
    };
    const client = this.clientFor(service, scope);
    if (!client) {
      queueMicrotask(() => fail([unavailable(service, 'no routing URL in the supergraph')]));
      return upstream;
    }
    upstream.stop = client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (result) => {
          upstream.delivered = true;
          this.options.metrics.subscriptionEvents.inc();
          for (const listener of [...listeners]) listener.next(result as UpstreamResult);
        },
        error: (error) => fail(describeUpstreamError(service, error)),
        complete: () => {
          this.drop(key, upstream);
          for (const listener of [...listeners]) listener.complete();
          listeners.clear();
        },
      },
    );
    return upstream;
  }

  private clientFor(service: string, scope: string): Client | undefined {
    const key = `${service}\0${scope}`;
    const existing = this.clients.get(key);
    if (existing) return existing;
    const httpUrl = this.options.urlOf(service);
    if (!httpUrl) return undefined;
    const { metrics, logger } = this.options;
    let connected = false;
    const client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: () => this.options.connectionParams(scope),
      lazy: true,
      lazyCloseTimeout: 2000,
      // A lost subgraph must surface to clients at once; they resubscribe when it is back.
      retryAttempts: 0,
      keepAlive: 15_000,
      on: {
        connected: () => {
          connected = true;
          metrics.upstreamConnections.inc();
          logger.debug('upstream connected', { service });
        },
        closed: (event) => {
          if (connected) metrics.upstreamConnections.dec();
          connected = false;
          logger.debug('upstream closed', { service, code: (event as { code?: number })?.code });
        },
      },
    });
    this.clients.set(key, client);
    return client;
  }
}

export function unavailable(service: string, reason: string): GraphQLFormattedError {
  return { message: `subgraph "${service}" is unavailable: ${reason}`, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: service } };
}

/** graphql-ws reports errors as arrays, close events or Errors; clients get one readable shape. */
export function describeUpstreamError(service: string, error: unknown): readonly GraphQLFormattedError[] {
  if (Array.isArray(error)) return error as GraphQLFormattedError[];
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'number') {
    const { code, reason } = error as { code: number; reason?: string };
    return [unavailable(service, `connection closed (${code}${reason ? `: ${reason}` : ''})`)];
  }
  const described = error as { message?: unknown; code?: unknown; name?: unknown } | undefined;
  const message = [described?.message, described?.code, described?.name].find((part) => typeof part === 'string' && part) as string | undefined;
  return [unavailable(service, message ?? 'connection failed')];
}
