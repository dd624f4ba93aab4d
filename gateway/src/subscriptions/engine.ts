import { createHash } from 'node:crypto';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import { GraphQLError, print, type DocumentNode, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '@ioc/kit';
import type { GatewayMetrics } from '../metrics';
import { ClientStream } from './client-stream';
import { SupergraphPlanner, type SubscriptionPlan } from './planner';
import type { UpstreamPool, UpstreamResult } from './upstream';

export interface SubscribeRequest {
  document: DocumentNode;
  operationName?: string;
  /** Already coerced against the schema. */
  variables: Record<string, unknown>;
  /** Callers with the same scope may share upstream work and results; others never do. */
  scope: string;
  /** Context for the entity fetches (the first subscriber's, for the whole group). */
  context: Record<string, unknown>;
  /** Called when the client cannot keep up; the caller closes its connection. */
  onSlowClient: (reason: string) => void;
  /** Writes a serialised `next` payload straight to the client; false when it is too far behind. */
  send?: (json: string) => boolean;
}

export interface SubscriptionEngineOptions {
  pool: Pick<UpstreamPool, 'listen' | 'closeAll'>;
  dataSources: () => Record<string, GraphQLDataSource>;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Events held per client before it is cut off. Default 1,000. */
  clientQueueLimit?: number;
}

// The primary fetch's "service": its result is the event that arrived from the subgraph.
const eventService = '__ioc_subscription_event__';

/**
 * Executes federated subscriptions, which @apollo/gateway plans but refuses to run. Clients
 * with the same operation, variables and scope form a group: each event from the owning
 * subgraph is completed by one execution of the plan's entity fetches and broadcast to all.
 */
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
    if (!planner) return { errors: [new GraphQLError('the gateway has not loaded its supergraph yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } })] };
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
    if (!group) {
      group = new Group(key, planner, plan, query, request, this.options, this.completions, () => {
        this.groups.delete(key);
        this.options.metrics.subscriptionGroups.set(this.groups.size);
      });
      this.groups.set(key, group);
      this.options.metrics.subscriptionGroups.set(this.groups.size);
    }
    return group.join(request.onSlowClient, request.send);
  }

  endAll(error: GraphQLFormattedError): void {
    for (const group of [...this.groups.values()]) group.end([error]);
  }

  get groupCount(): number {
    return this.groups.size;
  }
}

class Group {
  private readonly clients = new Set<ClientStream>();
  private readonly unlisten: () => void;
  private pending: Promise<void> = Promise.resolve();
  private ended = false;

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
    const { primary } = plan;
    const primaryVariables = Object.fromEntries(
      (primary.variableUsages ?? []).filter((name) => name in first.variables).map((name) => [name, first.variables[name]]),
    );
    this.unlisten = options.pool.listen(primary.serviceName, primary.operation, primaryVariables, first.scope, {
      next: (result) => {
        this.pending = this.pending.then(() => this.deliver(result));
      },
      error: (errors) => this.end(errors),
      complete: () => this.end(),
    });
  }

  join(onSlowClient: (reason: string) => void, send?: (json: string) => boolean): ClientStream {
    const { metrics } = this.options;
    const stream = new ClientStream(
      this.options.clientQueueLimit ?? 1000,
      () => {
        metrics.subscriptionsActive.dec();
        this.clients.delete(stream);
        if (this.clients.size === 0) this.close();
      },
      (queued) => {
        metrics.slowClientsDropped.inc();
        onSlowClient(send ? 'subscriber too slow: its socket buffer is full' : `subscriber too slow: ${queued} events were waiting`);
      },
      send,
    );
    this.clients.add(stream);
    metrics.subscriptionsActive.inc();
    return stream;
  }

  end(errors?: readonly GraphQLFormattedError[]): void {
    for (const client of [...this.clients]) client.end(errors ? errorResult(errors) : undefined);
    this.close();
  }

  private close(): void {
    if (this.ended) return;
    this.ended = true;
    this.unlisten();
    this.onEmpty();
  }

  private async deliver(event: UpstreamResult): Promise<void> {
    if (this.ended || this.clients.size === 0) return;
    const result = event.data ? await this.completeShared(event) : errorResult(event.errors ?? []);
    let json: string | undefined;
    for (const client of this.clients) {
      if (client.writesDirectly) json ??= JSON.stringify(result);
      client.push(result, json);
    }
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
      logger: console,
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

/**
 * graphql-ws serialises results with each error's `toJSON()`, and raw Errors would come out
 * as `{}`: whatever failed, clients receive a GraphQLError with its message and code.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const formatted = error as Partial<GraphQLFormattedError> | undefined;
  if (formatted && typeof formatted.message === 'string') {
    return new GraphQLError(formatted.message, { path: formatted.path, extensions: formatted.extensions });
  }
  return new GraphQLError(String(error), { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

const errorResult = (errors: readonly unknown[]): ExecutionResult => ({ errors: errors.map(toGraphQLError) });

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
