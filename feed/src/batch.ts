import { isGraphqlKind, mutations, type FeedEvent, type GraphqlKind } from './events';
import type { SocRecord } from './soc';

/**
 * The gateway's limits (docs/security.md) allow 20 root fields an operation and 10 operations a
 * request; an operation holds the events of one subgraph as one batch mutation per kind (a field
 * takes at most its kind's `maxItems`), and a batch mutation counts as one operation against the
 * per-caller rate, so a load test sends few, big operations.
 */
export const maxEventsPerOperation = 400;
export const maxOperationsPerRequest = 10;
/** Events one GraphQL request carries at most (about 300 KB of variables): two operations, one per subgraph, at a load test's pace. */
export const maxEventsPerRequest = 800;

/** A GraphQL error as the gateway answers it. */
export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; argument?: string };
}
export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: GraphQLErrorBody[];
}

/** Where GraphQL requests go and as whom. */
export interface GraphQLCaller {
  url: string;
  token: () => Promise<string>;
  /** The HTTP client (tests give a fake); the global fetch by default. */
  fetch?: typeof fetch;
}

/** Each operation's answer of one HTTP batch, the status and Retry-After (ms, 0 when none). */
export interface OperationsAnswer {
  status: number;
  bodies: GraphQLBody[];
  retryAfterMs: number;
}

/** POSTs operations as one HTTP batch with the caller's bearer token; no answer (or a timeout of `signal`) is status 0 with the reason as each operation's error. */
export async function postOperations(caller: GraphQLCaller, operations: Array<{ query: string; variables: Record<string, unknown> }>, signal?: AbortSignal): Promise<OperationsAnswer> {
  try {
    const response = await (caller.fetch ?? fetch)(caller.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await caller.token()}` },
      body: JSON.stringify(operations),
      signal,
    });
    const body = (await response.json().catch(() => ({ errors: [{ message: `${response.status} answer is not JSON` }] }))) as GraphQLBody | GraphQLBody[];
    // A refusal of the whole request (401, 429…) is one object for every operation.
    return { status: response.status, bodies: operations.map((_, i) => (Array.isArray(body) ? (body[i] ?? {}) : body)), retryAfterMs: Number(response.headers.get('retry-after') ?? 0) * 1000 };
  } catch (error) {
    const message = signal?.aborted ? 'timed out' : `fetch failed: ${String((error as Error).cause ?? error)}`;
    return { status: 0, bodies: operations.map(() => ({ errors: [{ message }] })), retryAfterMs: 0 };
  }
}

/** One root field of an operation: a batch mutation of one kind, and which events (by index) it carries, in order. */
export interface OperationField {
  alias: string;
  events: number[];
  /** A mutation without a batch form (`addServer`): one event, answered with one object. */
  single?: boolean;
}
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
  fields: OperationField[];
}

/**
 * The events of one subgraph as one mutation: per kind one batch field (`f0: receiveDossiers(items: $f0) { id }`)
 * with the kind's events in queue order, split when a kind has more than its field takes. The
 * gateway sends the operation to the subgraph as one fetch, which runs the fields in order; each
 * field is one transaction.
 */
export function batchOperation(events: readonly FeedEvent[]): Operation {
  if (events.length === 0 || events.length > maxEventsPerOperation) throw new Error(`an operation holds 1 to ${maxEventsPerOperation} events, not ${events.length}`);
  const subgraphs = new Set(events.map((e) => (isGraphqlKind(e.kind) ? mutations[e.kind].subgraph : e.kind)));
  if (subgraphs.size > 1) throw new Error(`an operation holds events of one subgraph, not ${[...subgraphs].join(' and ')}`);
  const byKind = new Map<GraphqlKind, number[]>();
  events.forEach((event, i) => {
    if (!isGraphqlKind(event.kind)) throw new Error(`a ${event.kind} event is not a mutation`);
    byKind.set(event.kind, [...(byKind.get(event.kind) ?? []), i]);
  });
  const declarations: string[] = [];
  const selections: string[] = [];
  const variables: Record<string, unknown> = {};
  const fields: OperationField[] = [];
  for (const [kind, indices] of byKind) {
    const mutation = mutations[kind];
    const { field, list, itemType, maxItems, selection, item } = mutation;
    const single = 'single' in mutation;
    for (let from = 0; from < indices.length; from += maxItems) {
      const alias = `f${fields.length}`;
      const chunk = indices.slice(from, from + maxItems);
      declarations.push(`$${alias}: ${single ? itemType : `[${itemType}]!`}`);
      selections.push(`${alias}: ${field}(${list}: $${alias}) ${selection}`);
      variables[alias] = single ? withoutUndefined(item(events[chunk[0]!]!.variables)) : chunk.map((i) => withoutUndefined(item(events[i]!.variables)));
      fields.push({ alias, events: chunk, ...(single ? { single } : {}) });
    }
  }
  return { query: `mutation Feed(${declarations.join(', ')}) { ${selections.join(' ')} }`, variables, fields };
}

const withoutUndefined = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;

/**
 * Takes the events of one HTTP request off the front of `queue`: operations of one subgraph each
 * (at most 400 events, in queue order), at most 10 of them and `maxEvents` in all. An HTTP batch
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
 * event (bad input, forbidden). `innocent`: not written only because another event of its call (or
 * an earlier field of its operation) was refused; sent again at once, not counted as an attempt.
 */
export type Outcome = { applied: true; data?: Record<string, any> } | { applied: false; retry: boolean; failure: string; innocent?: boolean };

/** Codes and messages of an upstream that is away or restarting, or of our rate limit. */
const transient = (error: GraphQLErrorBody) =>
  error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' ||
  error.extensions?.code === 'RATE_LIMITED' ||
  /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|other side closed/i.test(error.message);
const describe = (errors: readonly GraphQLErrorBody[]) => errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; ');
/** The item a batch mutation's error names (`items[3].input.serviceId` → 3). */
const refusedItem = (errors: readonly GraphQLErrorBody[]): number | undefined => {
  for (const error of errors) {
    const match = /^(?:items|inputs)\[(\d+)\]/.exec(error.extensions?.argument ?? '');
    if (error.extensions?.code === 'BAD_USER_INPUT' && match) return Number(match[1]);
  }
  return undefined;
};

/**
 * Each event's outcome (in the operation's event order) from one operation's answer. A batch
 * field is one transaction: all its events are written or none. A field refused for one item
 * (`items[3]…`) refuses that event; its other events are innocent and sent again. Every batch
 * mutation returns a non-null list, so one failing field nulls the whole `data`: the fields before
 * it ran (their answers are lost), the failing one did not, nor any after it (serial execution
 * stops there), so those are sent again. Errors without a path (the subgraph unreachable) fail every event.
 */
export function outcomes(fields: readonly OperationField[], status: number, body: GraphQLBody): Outcome[] {
  const errors = body.errors ?? [];
  const busy = status === 429 || status >= 500;
  const count = fields.reduce((n, f) => n + f.events.length, 0);
  const result: Outcome[] = new Array(count);
  const own = (alias: string) => errors.filter((e) => e.path?.[0] === alias);
  const failed = (reasons: GraphQLErrorBody[]): Outcome => ({ applied: false, retry: busy || reasons.some(transient), failure: `${status} ${describe(reasons) || 'no answer'}` });
  /** A field that failed: the item it names is refused, the others innocent; else every event fails alike. */
  const failField = (field: OperationField, reasons: GraphQLErrorBody[]) => {
    const refused = refusedItem(reasons);
    field.events.forEach((e, j) => {
      if (refused === undefined || refused >= field.events.length) result[e] = failed(reasons);
      else result[e] = j === refused ? failed(reasons) : { applied: false, retry: true, innocent: true, failure: `not written: item ${refused} of its call was refused` };
    });
  };
  if (body.data) {
    const general = errors.filter((e) => !e.path?.length);
    for (const field of fields) {
      const answer = body.data[field.alias];
      const answers = field.single && answer != null ? [answer] : answer;
      if (Array.isArray(answers) && own(field.alias).length === 0) field.events.forEach((e, j) => (result[e] = { applied: true, data: answers[j] ?? undefined }));
      else failField(field, own(field.alias).length ? own(field.alias) : general);
    }
    return result;
  }
  const first = fields.findIndex((field) => own(field.alias).length > 0);
  if (first < 0) return result.fill(failed(errors));
  fields.forEach((field, i) => {
    if (i < first) field.events.forEach((e) => (result[e] = { applied: true }));
    else if (i === first) failField(field, own(field.alias));
    else field.events.forEach((e) => (result[e] = { applied: false, retry: true, innocent: true, failure: `not run: ${fields[first]!.alias} failed before it` }));
  });
  return result;
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
