import { createHash } from 'node:crypto';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import { GraphQLError, print, type DocumentNode, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { BoundedQueue, type Logger } from '@ioc/kit';
import { apolloLogger } from '../apollo-logger';
import type { GatewayMetrics } from '../metrics';
import { ClientStream, type SubscriberSocket } from './client-stream';
import { errorResult, notLoadedYet, toGraphQLError } from './errors';
import { SupergraphPlanner, type SubscriptionPlan } from './planner';
import { resumesFromCursor, type UpstreamPool, type UpstreamResult } from './upstream';

export interface SubscribeRequest {
  document: DocumentNode;
  operationName?: string;
  /** Already coerced against the schema. */
  variables: Record<string, unknown>;
  /** Callers with the same scope may share upstream work and results; others never do. */
  scope: string;
  /** Context for the entity fetches (the first subscriber's, for the whole group). */
  context: Record<string, unknown>;
  /** Where the results go: the client's socket and the operation id they answer. */
  client: { socket: SubscriberSocket; operationId: string };
}

export interface SubscriptionEngineOptions {
  pool: Pick<UpstreamPool, 'listen' | 'closeAll'>;
  dataSources: () => Record<string, GraphQLDataSource>;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Events held for a client whose socket is backed up before it is cut off. Default 1,000. */
  clientQueueLimit?: number;
  /**
   * Events a group holds while it completes earlier ones (its backlog) before it gives up and ends
   * its subscriptions with `backlogFull()`. Default 1,000.
   */
  groupBacklogLimit?: number;
}

const defaultClientQueueLimit = 1000;
const defaultGroupBacklogLimit = 1000;

/**
 * What a group's clients get when its backlog overflows. The code is the one clients already
 * resubscribe on (the web console does, with backoff); `reason` tells this case apart.
 */
export const backlogFull = (limit: number) => ({
  message: `the gateway fell behind completing this subscription's events (${limit} were waiting): subscribe again from your last cursor`,
  extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'SUBSCRIPTION_BACKLOG_FULL', limit },
});

// The primary fetch's "service": its result is the event that arrived from the subgraph.
const eventService = '__ioc_subscription_event__';

/**
 * Completed events shared between groups that differ only in which events they choose (their
 * root-field filters): the same event, document, scope and remaining variables complete the same
 * way. Entries live briefly: an event reaches all of its upstreams within moments.
 */
export class CompletionCache {
  private readonly entries = new Map<string, { result: Promise<ExecutionResult>; expires: number }>();

  constructor(
    private readonly ttlMs = 5000,
    private readonly maxEntries = 2000,
  ) {}

  getOrRun(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.result;
    if (this.entries.size >= this.maxEntries) {
      for (const [old, entry] of this.entries) if (entry.expires <= now || this.entries.size >= this.maxEntries) this.entries.delete(old);
    }
    const result = run();
    this.entries.set(key, { result, expires: now + this.ttlMs });
    return result;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Executes federated subscriptions, which @apollo/gateway plans but refuses to run. Clients
 * with the same operation, variables and scope form a group: each event from the owning
 * subgraph is completed by one execution of the plan's entity fetches and broadcast to all.
 */
export class SubscriptionEngine {
  private planner: SupergraphPlanner | undefined;
  private readonly groups = new Map<string, Group>();
  private readonly completions = new CompletionCache();

  constructor(private readonly options: SubscriptionEngineOptions) {}

  get schema() {
    return this.planner?.schema;
  }

  /** First load, or a reload: open subscriptions end and tell clients to subscribe again. */
  setSupergraph(supergraphSdl: string): void {
    if (this.planner?.supergraphSdl === supergraphSdl) return;
    const reloading = this.planner !== undefined;
    this.planner = new SupergraphPlanner(supergraphSdl);
    this.completions.clear();
    if (reloading) {
      this.endAll({
        message: 'the graph was updated: subscribe again',
        extensions: { code: 'SUPERGRAPH_RELOADED' },
      });
      void this.options.pool.closeAll();
    }
  }

  subscribe(request: SubscribeRequest): AsyncIterableIterator<ExecutionResult> | ExecutionResult {
    const planner = this.planner;
    if (!planner) return { errors: [notLoadedYet()] };
    let plan: SubscriptionPlan;
    try {
      plan = planner.plan(request.document, request.operationName);
    } catch (error) {
      return { errors: [new GraphQLError(`cannot plan this subscription: ${(error as Error).message}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] };
    }
    const query = printed(request.document);
    const key = createHash('sha256')
      .update(JSON.stringify([query, request.operationName ?? null, request.variables, request.scope]))
      .digest('hex');
    let group = this.groups.get(key);
    if (!group || (group.delivered && resumesFromCursor(request.variables))) {
      const created: Group = new Group(key, planner, plan, query, request, this.options, this.completions, () => {
        if (this.groups.get(key) === created) this.groups.delete(key);
        this.options.metrics.subscriptionGroups.set(this.groups.size);
      });
      group = created;
      this.groups.set(key, created);
      this.options.metrics.subscriptionGroups.set(this.groups.size);
    }
    return group.join(request);
  }

  endAll(error: GraphQLFormattedError): void {
    for (const group of [...this.groups.values()]) group.end([error]);
  }

  get groupCount(): number {
    return this.groups.size;
  }
}

/**
 * One upstream subscription and the clients it serves. Its events are completed one at a time,
 * in order, and what arrives meanwhile waits in a bounded backlog (before the per-client queues,
 * which only hold completed results).
 *
 * When completing is slower than events arrive (the entity fetches' subgraphs slow or the gateway
 * saturated), the backlog fills. Full, the group ends all of its subscriptions with
 * `backlogFull()` (logged, counted in `ioc_gateway_subscription_backlog_overflows_total`) rather
 * than dropping its slowest clients or its oldest events: the slowness is the group's, shared by
 * every client alike (it happens before the fan-out), so dropping clients would not relieve it,
 * and dropping events would leave screens silently missing alerts. Ended, clients subscribe again
 * from their cursor (`after`), which replays what they missed from the subgraph's rows, and a
 * resume from a cursor gets a fresh group — the gateway's memory stays bounded either way.
 */
class Group {
  private readonly clients = new Set<ClientStream>();
  private readonly unlisten: () => void;
  private readonly backlog: BoundedQueue<UpstreamResult>;
  private completing = false;
  private ended = false;
  /** Set by its first event (see resumesFromCursor). */
  delivered = false;

  constructor(
    readonly key: string,
    private readonly planner: SupergraphPlanner,
    private readonly plan: SubscriptionPlan,
    private readonly query: string,
    private readonly first: SubscribeRequest,
    private readonly options: SubscriptionEngineOptions,
    private readonly completions: CompletionCache,
    private readonly onEmpty: () => void,
  ) {
    const limit = options.groupBacklogLimit ?? defaultGroupBacklogLimit;
    this.backlog = new BoundedQueue<UpstreamResult>({ limit });
    const { primary } = plan;
    const primaryVariables = Object.fromEntries(
      (primary.variableUsages ?? []).filter((name) => name in first.variables).map((name) => [name, first.variables[name]]),
    );
    this.unlisten = options.pool.listen(primary.serviceName, primary.operation, primaryVariables, first.scope, {
      next: (result) => {
        if (this.ended) return;
        if (this.backlog.push(result)) void this.completeInOrder();
        else this.overflowed(limit);
      },
      error: (errors) => this.end(errors),
      complete: () => this.end(),
    });
  }

  join(request: SubscribeRequest): ClientStream {
    const { metrics, logger } = this.options;
    const stream: ClientStream = new ClientStream({
      ...request.client,
      limit: this.options.clientQueueLimit ?? defaultClientQueueLimit,
      onRelease: () => {
        metrics.subscriptionsActive.dec();
        this.clients.delete(stream);
        if (this.clients.size === 0) this.close();
      },
      onSlow: (reason) => {
        metrics.slowClientsDropped.inc();
        logger.warn('closed a slow subscriber', { reason, requestId: request.context.requestId });
      },
    });
    this.clients.add(stream);
    metrics.subscriptionsActive.inc();
    return stream;
  }

  end(errors?: readonly GraphQLFormattedError[]): void {
    for (const client of [...this.clients]) client.end(errors ? errorResult(errors) : undefined);
    this.close();
  }

  /** Events waiting to be completed (the one being completed not counted). */
  get backlogSize(): number {
    return this.backlog.size;
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    void this.backlog.return();
    this.unlisten();
    this.onEmpty();
  }

  private overflowed(limit: number): void {
    if (this.ended) return;
    this.options.metrics.backlogOverflows.inc();
    this.options.logger.warn('ended a subscription group that fell behind', {
      limit,
      clients: this.clients.size,
      service: this.plan.primary.serviceName,
      operationName: this.first.operationName,
    });
    this.end([backlogFull(limit)]);
  }

  /** Drains the backlog one event at a time; one drain at a time per group keeps events in order. */
  private async completeInOrder(): Promise<void> {
    if (this.completing) return;
    this.completing = true;
    try {
      for (let event = this.backlog.take(); event !== undefined && !this.ended; event = this.backlog.take()) {
        try {
          await this.deliver(event);
        } catch (error) {
          this.options.logger.error('subscription event could not be delivered', { error });
        }
      }
    } finally {
      this.completing = false;
    }
  }

  private async deliver(event: UpstreamResult): Promise<void> {
    if (this.ended || this.clients.size === 0) return;
    const result = event.data ? await this.completeShared(event) : errorResult(event.errors ?? []);
    if (this.clients.size === 0) return;
    const json = JSON.stringify(result);
    this.delivered = true;
    for (const client of [...this.clients]) client.push(json);
  }

  private completeShared(event: UpstreamResult): Promise<ExecutionResult> {
    const { variables, operationName, scope } = this.first;
    const shaping = Object.fromEntries(this.plan.completionVariables.map((name) => [name, variables[name] ?? null]));
    const key = createHash('sha256').update(JSON.stringify([this.query, operationName ?? null, scope, shaping, event.data])).digest('hex');
    return this.completions.getOrRun(key, () => this.complete(event));
  }

  /** Runs [primary → rest] with the primary answered by the event itself. */
  private async complete(event: UpstreamResult): Promise<ExecutionResult> {
    this.options.metrics.restExecutions.inc();
    const eventFetch: FetchNode = { ...this.plan.primary, serviceName: eventService };
    const queryPlan: QueryPlan = {
      kind: 'QueryPlan',
      node: this.plan.rest ? { kind: 'Sequence', nodes: [eventFetch, this.plan.rest] } : eventFetch,
    };
    const serviceMap: ServiceMap = {
      ...this.options.dataSources(),
      // executeQueryPlan mutates what it is given: every execution gets its own copy.
      [eventService]: { process: async () => ({ data: structuredClone(event.data) ?? null, errors: event.errors as never }) },
    };
    const requestContext = {
      request: { query: this.query, variables: this.first.variables, operationName: this.first.operationName },
      context: this.first.context,
      metrics: {},
      logger: apolloLogger(this.options.logger),
      operationName: this.first.operationName ?? null,
      document: this.first.document,
    };
    try {
      const result = await executeQueryPlan(
        queryPlan,
        serviceMap,
        requestContext as never,
        this.plan.operationContext,
        this.planner.supergraphSchema,
        this.planner.apiSchema,
      );
      return { data: result.data, errors: result.errors?.map(toGraphQLError) };
    } catch (error) {
      this.options.logger.error('subscription event failed', { error });
      return errorResult([error]);
    }
  }
}

const printedDocuments = new WeakMap<DocumentNode, string>();
/** Printing is part of every subscribe; documents are shared (parsed once per query text), so is this. */
function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) {
    text = print(document);
    printedDocuments.set(document, text);
  }
  return text;
}
