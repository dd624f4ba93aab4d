import type { Logger } from '@ioc/kit';
import { maxOperationsPerRequest, postOperations as post, type GraphQLCaller, type GraphQLErrorBody } from './batch';

/**
 * The feed's synthetic servers outside its event stream: the leftovers of an earlier run (one
 * stopped by a crash, or by Ctrl-C before its servers could be retired) found through the public
 * `serversAddedByIngest` query and retired at start, and on Ctrl-C the ones this run added.
 * All through the gateway with the feed's own token, like its events.
 */
export type { GraphQLCaller } from './batch';

/** Root fields one operation may have (the gateway's limit, docs/security.md): 20 retirements an operation, 10 operations a request. */
const fieldsPerOperation = 20;
const pageSize = 500;
const listQuery = `query FeedLeftoverServers($after: String) { serversAddedByIngest(first: ${pageSize}, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;

const describe = (errors: readonly GraphQLErrorBody[] | undefined) => (errors ?? []).map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; ') || 'no answer';
/** The graph was away or busy: worth another try. */
const transient = (status: number, errors: readonly GraphQLErrorBody[] | undefined) =>
  status === 0 || status === 429 || status >= 500 || (errors ?? []).some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' || e.extensions?.code === 'RATE_LIMITED');

/** The ids of the synthetic servers an ingest caller added that are still in service, every page. */
export async function listLeftoverServers(caller: GraphQLCaller, signal: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const { status, bodies } = await post(caller, [{ query: listQuery, variables: { after } }], signal);
    const page = bodies[0]?.data?.serversAddedByIngest as { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined;
    if (!page || bodies[0]?.errors?.length) throw new Error(`${status} ${describe(bodies[0]?.errors)}`);
    ids.push(...page.nodes.map((n) => n.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return ids;
}

export interface Retirement {
  /** Retired now, or found retired already (by another run: what was wanted). */
  retired: string[];
  /** Not retired, with why (refused, or still failing when the time ran out). */
  failed: Array<{ id: string; why: string }>;
  operations: number;
}

/**
 * Retires `ids` (up to 20 a mutation, 10 mutations a request, one request at a time) until each is
 * retired or refused, or `timeoutMs` runs out. A retirement refused because the server is already
 * retired counts as done. One failing field of a mutation nulls its answer: the fields before it
 * ran, those after did not, so whatever the answer does not confirm is sent again (an already
 * retired one then answers so). Away or busy (5xx, 429, no answer): waits (Retry-After, else
 * backing off from 250 ms) and tries again while there is time.
 */
export async function retireServers(caller: GraphQLCaller, ids: readonly string[], timeoutMs: number): Promise<Retirement> {
  const signal = AbortSignal.timeout(timeoutMs);
  const retired: string[] = [];
  const refused = new Map<string, string>();
  let remaining = [...new Set(ids)];
  let lastFailure = '';
  let operations = 0;
  for (let streak = 0; remaining.length > 0 && !signal.aborted; ) {
    const chunks: string[][] = [];
    for (let i = 0; i < remaining.length && chunks.length < maxOperationsPerRequest; i += fieldsPerOperation) chunks.push(remaining.slice(i, i + fieldsPerOperation));
    const sending = chunks.flat();
    const bodies = chunks.map((chunk) => ({
      query: `mutation FeedRetireServers(${chunk.map((_, i) => `$s${i}: String!`).join(', ')}) { ${chunk.map((_, i) => `s${i}: retireServer(id: $s${i}) { id }`).join(' ')} }`,
      variables: Object.fromEntries(chunk.map((id, i) => [`s${i}`, id])),
    }));
    operations += bodies.length;
    const answer = await post(caller, bodies, signal);
    const again: string[] = [];
    let busy = false;
    chunks.forEach((chunk, o) => {
      const body = answer.bodies[o]!;
      chunk.forEach((id, i) => {
        const alias = `s${i}`;
        const own = (body.errors ?? []).filter((e) => e.path?.[0] === alias);
        if (body.data?.[alias]) retired.push(id);
        else if (own.some((e) => /already retired/.test(e.message))) retired.push(id);
        else if (own.length > 0 && !transient(answer.status, own)) refused.set(id, describe(own));
        else {
          // Not confirmed: the graph was away, or another field's error nulled the answer.
          again.push(id);
          if (transient(answer.status, body.errors)) {
            busy = true;
            lastFailure = `${answer.status} ${describe(body.errors)}`;
          } else if (!body.data && !(body.errors ?? []).some((e) => e.path?.length)) refused.set(id, `${answer.status} ${describe(body.errors)}`);
        }
      });
    });
    remaining = [...again.filter((id) => !refused.has(id)), ...remaining.slice(sending.length)];
    if (busy) {
      streak += 1;
      const delay = Math.max(answer.retryAfterMs, Math.min(5000, 250 * 2 ** streak));
      await new Promise<void>((resolve) => {
        // An 'abort' listener added after the deadline passed never fires: the stop would overrun it.
        if (signal.aborted) return resolve();
        const timer = setTimeout(done, delay);
        signal.addEventListener('abort', done, { once: true });
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
      });
    } else streak = 0;
  }
  const failed = [...[...refused].map(([id, why]) => ({ id, why })), ...remaining.map((id) => ({ id, why: `not retired within ${timeoutMs} ms${lastFailure ? ` (last: ${lastFailure})` : ''}` }))];
  return { retired, failed, operations };
}

/**
 * At start: retires the synthetic servers earlier runs (any ingest caller's) left in service, so
 * `servers.total` is the catalogue's. A run of another feed still going loses its servers too (its
 * own retirement of one is then refused and dropped). Never throws: what it could not do is logged.
 */
export async function retireLeftovers(caller: GraphQLCaller, logger: Logger, timeoutMs = 30_000): Promise<Retirement & { found: number }> {
  let ids: string[];
  try {
    ids = await listLeftoverServers(caller, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    logger.warn('feed could not list the servers earlier runs left in service', { error: (error as Error).message });
    return { found: 0, retired: [], failed: [], operations: 1 };
  }
  if (ids.length === 0) return { found: 0, retired: [], failed: [], operations: 1 };
  const result = await retireServers(caller, ids, timeoutMs);
  logger.info('feed retired the servers earlier runs left in service', { found: ids.length, retired: result.retired.length });
  if (result.failed.length > 0) logger.warn('feed could not retire servers earlier runs left in service', { servers: result.failed });
  return { found: ids.length, ...result, operations: result.operations + 1 };
}
