import { isGraphqlKind, mutations, type FeedEvent } from './events';
import type { SocRecord } from './soc';

/** The gateway's limits (docs/security.md): 20 root fields and 30 aliases an operation, 10 operations a request. */
export const maxEventsPerOperation = 20;
export const maxOperationsPerRequest = 10;

/** A GraphQL error as the gateway answers it. */
export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string };
}
export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: GraphQLErrorBody[];
}

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  /** The response alias of each event, in the order given. */
  aliases: string[];
}

/**
 * Several events of one subgraph as one mutation, each under its own alias with its own variables
 * (`e3: raiseAlert(input: $e3_input)`): the gateway sends them to the subgraph as one fetch,
 * which runs them in order.
 */
export function batchOperation(events: readonly FeedEvent[]): Operation {
  if (events.length === 0 || events.length > maxEventsPerOperation) throw new Error(`an operation holds 1 to ${maxEventsPerOperation} events, not ${events.length}`);
  const subgraphs = new Set(events.map((e) => (isGraphqlKind(e.kind) ? mutations[e.kind].subgraph : e.kind)));
  if (subgraphs.size > 1) throw new Error(`an operation holds events of one subgraph, not ${[...subgraphs].join(' and ')}`);
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  const aliases = events.map((event, i) => {
    const alias = `e${i}`;
    if (!isGraphqlKind(event.kind)) throw new Error(`a ${event.kind} event is not a mutation`);
    const { field, args, selection } = mutations[event.kind];
    const passed: string[] = [];
    for (const [name, type] of Object.entries(args)) {
      const value = event.variables[name];
      if (value === undefined) continue;
      declarations.push(`$${alias}_${name}: ${type}`);
      passed.push(`${name}: $${alias}_${name}`);
      variables[`${alias}_${name}`] = value;
    }
    fields.push(`${alias}: ${field}(${passed.join(', ')}) ${selection}`);
    return alias;
  });
  return { query: `mutation Feed(${declarations.join(', ')}) { ${fields.join(' ')} }`, variables, aliases };
}

/**
 * Takes the events of one HTTP request off the front of `queue`: operations of one subgraph each
 * (at most 20 events, in queue order), at most 10 of them and `maxEvents` in all. An HTTP batch
 * runs its operations side by side, so a subgraph that is away fails only its own operations.
 */
export function takeRequest<T extends { event: FeedEvent }>(queue: T[], maxEvents: number): T[][] {
  const open = new Map<string, T[]>();
  const operations: T[][] = [];
  let taken = 0;
  while (taken < maxEvents && queue.length > 0) {
    const { kind } = queue[0]!.event;
    if (!isGraphqlKind(kind)) throw new Error(`a ${kind} event is not a mutation`);
    const subgraph = mutations[kind].subgraph;
    let operation = open.get(subgraph);
    if (!operation || operation.length >= maxEventsPerOperation) {
      if (operations.length >= maxOperationsPerRequest) break;
      operation = [];
      operations.push(operation);
      open.set(subgraph, operation);
    }
    operation.push(queue.shift()!);
    taken += 1;
  }
  return operations;
}

/**
 * What became of an event: `applied` (with the answer, unless a later field's error nulled the
 * operation's data), or failed — `retry` when the graph was away or busy, not when it refused the
 * event (bad input, forbidden).
 */
export type Outcome = { applied: true; data?: Record<string, any> } | { applied: false; retry: boolean; failure: string };

/** Codes and messages of an upstream that is away or restarting, or of our rate limit. */
const transient = (error: GraphQLErrorBody) =>
  error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' ||
  error.extensions?.code === 'RATE_LIMITED' ||
  /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|other side closed/i.test(error.message);
const describe = (errors: readonly GraphQLErrorBody[]) => errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; ');

/**
 * Each event's outcome from one operation's answer. Every feed mutation returns a non-null type,
 * so one failing field nulls the whole `data`: the fields before it ran (their answers are lost),
 * the failing one did not, nor any after it (serial execution stops there), so those are retried.
 * Errors without a path (the subgraph unreachable) fail every event.
 */
export function outcomes(aliases: readonly string[], status: number, body: GraphQLBody): Outcome[] {
  const errors = body.errors ?? [];
  const busy = status === 429 || status >= 500;
  const own = (alias: string) => errors.filter((e) => e.path?.[0] === alias);
  const failed = (reasons: GraphQLErrorBody[]): Outcome => ({ applied: false, retry: busy || reasons.some(transient), failure: `${status} ${describe(reasons) || 'no answer'}` });
  if (body.data) {
    const general = errors.filter((e) => !e.path?.length);
    return aliases.map((alias) => (body.data![alias] != null && own(alias).length === 0 ? { applied: true, data: body.data![alias] } : failed(own(alias).length ? own(alias) : general)));
  }
  const first = aliases.findIndex((alias) => own(alias).length > 0);
  if (first < 0) return aliases.map(() => failed(errors));
  return aliases.map((alias, i): Outcome => {
    if (i < first) return { applied: true };
    if (i === first) return failed(own(alias));
    return { applied: false, retry: true, failure: `not run: ${aliases[first]} failed before it` };
  });
}

/** Lines one ingest request carries: the subgraph commits 1,000 a transaction (docs/soc.md). */
export const maxLinesPerIngest = 1000;

/** The records of alert events as an NDJSON body for `POST /ingest/<source>`. */
export function ingestBody(events: readonly FeedEvent[]): string {
  return events.map((event) => `${JSON.stringify((event.variables as SocRecord).record)}\n`).join('');
}

/** What `POST /ingest/<source>` answers: counts, and the rejected lines with why (docs/soc.md). */
export interface IngestAnswer {
  rejected?: Array<{ line: number; error: string }>;
  error?: string;
}

/**
 * Each line's outcome: a 200 applies every line it did not reject (accepted, a duplicate or
 * suppressed: all taken); 429, 5xx or no answer retries the body (re-sending is idempotent: what
 * was committed comes back as duplicates); any other status refuses it.
 */
export function ingestOutcomes(lines: number, status: number, body: IngestAnswer): Outcome[] {
  if (status === 200) {
    const rejected = new Map((body.rejected ?? []).map((r) => [r.line, r.error]));
    return Array.from({ length: lines }, (_, i): Outcome => (rejected.has(i + 1) ? { applied: false, retry: false, failure: `rejected: ${rejected.get(i + 1)}` } : { applied: true }));
  }
  const retry = status === 0 || status === 429 || status >= 500;
  return Array.from({ length: lines }, (): Outcome => ({ applied: false, retry, failure: `${status} ${body.error ?? 'no answer'}` }));
}
