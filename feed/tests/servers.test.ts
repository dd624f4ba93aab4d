import { parse, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '@ioc/kit';
import { listLeftoverServers, retireLeftovers, retireServers, type GraphQLCaller } from '../src/servers';

interface Body {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A fake gateway over a set of servers: `serversAddedByIngest` pages the active ones (a page of
 * `pageSize`), `retireServer` retires one (serially per operation: a refused field nulls the
 * answer and stops the ones after it, as GraphQL's serial mutations do). `busy` answers 503 for
 * that many requests first; `refuse` ids are FORBIDDEN.
 */
function fakeGraph(options: { active: string[]; pageSize?: number; busy?: number; refuse?: string[]; retryAfter?: number }) {
  const active = new Set(options.active);
  const retired = new Set<string>();
  const requests: Body[][] = [];
  let busy = options.busy ?? 0;
  const answer = (body: Body) => {
    const operation = parse(body.query).definitions[0] as OperationDefinitionNode;
    const fields = operation.selectionSet.selections as FieldNode[];
    if (operation.operation === 'query') {
      const all = [...active].sort();
      const from = body.variables.after ? Number(body.variables.after) + 1 : 0;
      const size = options.pageSize ?? 500;
      const nodes = all.slice(from, from + size).map((id) => ({ id }));
      return { data: { serversAddedByIngest: { nodes, pageInfo: { hasNextPage: from + size < all.length, endCursor: nodes.length ? String(from + nodes.length - 1) : null } } } };
    }
    const data: Record<string, unknown> = {};
    for (const field of fields) {
      const alias = field.alias!.value;
      const id = String(body.variables[alias]);
      const fail = (message: string, code: string) => ({ data: null, errors: [{ message, path: [alias], extensions: { code } }] });
      if (options.refuse?.includes(id)) return fail(`retireServer for the ingest role takes only a synthetic server an ingest caller added; "${id}" is not one`, 'FORBIDDEN');
      if (retired.has(id)) return fail(`server "${id}" is already retired`, 'BAD_USER_INPUT');
      active.delete(id);
      retired.add(id);
      data[alias] = { id };
    }
    return { data };
  };
  const fakeFetch = (async (_url: string, init: { body: string }) => {
    const bodies = JSON.parse(init.body) as Body[];
    requests.push(bodies);
    if (busy > 0) {
      busy -= 1;
      return new Response(JSON.stringify({ errors: [{ message: 'Service Unavailable' }] }), { status: 503, headers: options.retryAfter ? { 'retry-after': String(options.retryAfter) } : {} });
    }
    return new Response(JSON.stringify(bodies.map(answer)), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  const caller: GraphQLCaller = { url: 'http://gateway.test/graphql', token: async () => 'token', fetch: fakeFetch };
  return { caller, active, retired, requests };
}

function recordingLogger() {
  const lines: Array<{ level: LogLevel; msg: string; [key: string]: unknown }> = [];
  return { lines, logger: createLogger('feed', 'debug', {}, (line) => lines.push(JSON.parse(line))) };
}

const ids = (n: number, prefix = 'vm-') => Array.from({ length: n }, (_, i) => `${prefix}${String(900 + i)}`);

describe('the servers earlier runs left in service', () => {
  it('lists every page of them', async () => {
    const graph = fakeGraph({ active: ids(7), pageSize: 3 });
    expect(await listLeftoverServers(graph.caller, AbortSignal.timeout(1000))).toEqual(ids(7));
    expect(graph.requests).toHaveLength(3);
  });

  it('retires them all at start, 20 a mutation and 10 mutations a request', async () => {
    const graph = fakeGraph({ active: ids(250), pageSize: 100 });
    const { logger } = recordingLogger();
    const result = await retireLeftovers(graph.caller, logger, 5000);
    expect(result).toMatchObject({ found: 250, failed: [] });
    expect(result.retired.sort()).toEqual(ids(250).sort());
    expect(graph.active.size).toBe(0);
    const retiring = graph.requests.filter((r) => r[0]!.query.startsWith('mutation'));
    // 250 = 200 in the first request (10 x 20), 50 in the second (three operations).
    expect(retiring.map((r) => r.length)).toEqual([10, 3]);
    expect(retiring.flat().every((b) => (b.query.match(/retireServer/g) ?? []).length <= 20)).toBe(true);
  });

  it('does nothing more than one query when none is left', async () => {
    const graph = fakeGraph({ active: [] });
    expect(await retireLeftovers(graph.caller, recordingLogger().logger, 1000)).toMatchObject({ found: 0, retired: [], failed: [] });
    expect(graph.requests).toHaveLength(1);
  });

  it('logs and carries on when it may not list them (a role that cannot ingest)', async () => {
    const fetch = (async () => new Response(JSON.stringify([{ data: null, errors: [{ message: 'Query.serversAddedByIngest needs role ingest or admin', extensions: { code: 'FORBIDDEN' } }] }]), { status: 200 })) as unknown as typeof globalThis.fetch;
    const { logger, lines } = recordingLogger();
    expect(await retireLeftovers({ url: 'http://gateway.test/graphql', token: async () => 't', fetch }, logger, 1000)).toMatchObject({ found: 0, retired: [] });
    expect(lines.find((l) => l.level === 'warn')?.msg).toMatch(/could not list/);
  });
});

describe('retiring servers', () => {
  it('goes on past a refused one: those before it ran, the ones after are sent again, and the refused one is named', async () => {
    const graph = fakeGraph({ active: ids(5), refuse: ['vm-902'] });
    const result = await retireServers(graph.caller, ids(5), 2000);
    expect(result.retired.sort()).toEqual(['vm-900', 'vm-901', 'vm-903', 'vm-904']);
    expect(result.failed).toEqual([{ id: 'vm-902', why: expect.stringContaining('FORBIDDEN') }]);
    expect([...graph.active]).toEqual(['vm-902']);
  });

  it('counts one retired meanwhile (by another run) as done', async () => {
    const graph = fakeGraph({ active: ids(3) });
    graph.active.delete('vm-901');
    graph.retired.add('vm-901');
    const result = await retireServers(graph.caller, ids(3), 2000);
    expect(result.retired.sort()).toEqual(ids(3));
    expect(result.failed).toEqual([]);
  });

  it('waits for a graph that is away and tries again', async () => {
    const graph = fakeGraph({ active: ids(2), busy: 2 });
    const result = await retireServers(graph.caller, ids(2), 10_000);
    expect(result).toMatchObject({ failed: [] });
    expect(graph.requests).toHaveLength(3);
  });

  it('gives up when its time runs out, naming what it could not retire', async () => {
    const graph = fakeGraph({ active: ids(2), busy: Infinity, retryAfter: 1 });
    const result = await retireServers(graph.caller, ids(2), 300);
    expect(result.retired).toEqual([]);
    expect(result.failed.map((f) => f.id)).toEqual(ids(2));
    expect(result.failed[0]!.why).toMatch(/not retired within 300 ms \(last: 503/);
    expect(graph.active.size).toBe(2);
  });
});
