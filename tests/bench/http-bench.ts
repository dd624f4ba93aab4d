import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { defaultGatewayTokenMaxLifetimeSeconds, signGatewayToken, gatewayTokenHeader, type Principal } from '@ioc/kit';
import { startStack, type Stack } from '../support/stack';
import type { HttpCall, LoadJob, LoadResult } from './http-load';
import { forkBench, freePort, request, startBenchDatabase, stopChild, type BenchDatabase, type GatewayProcess } from './support';

/** What the HTTP benchmarks share: a database, the stack on it, a load-generator process. */
export interface HttpBench {
  database: BenchDatabase;
  stack: Stack;
  /** Milliseconds startStack took (fresh database, migrations, seed, four subgraphs, a gateway). */
  stackMs: number;
  /** Epoch ms when startStack began. */
  stackStartedAt: number;
  load: ChildProcess;
  gateways: GatewayProcess[];
  subgraphUrl(name: string): string;
  /** Headers a gateway sends a subgraph for this caller (signed with the stack's secret). */
  direct(principal: Principal): Promise<Record<string, string>>;
  bearer(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startHttpBench(seed: 'full' | 'small'): Promise<HttpBench> {
  const database = await startBenchDatabase();
  let stack: Stack | undefined;
  let load: ChildProcess | undefined;
  const gateways: GatewayProcess[] = [];
  const stop = async () => {
    await stopChild(load);
    for (const gateway of gateways) await gateway.stop();
    await stack?.stop().catch(() => undefined);
    await database.stop();
  };
  try {
    const stackStartedAt = Date.now();
    const started = performance.now();
    stack = await startStack({ adminUrl: database.adminUrl, seed });
    const stackMs = performance.now() - started;
    load = forkBench('http-load.ts');
    const ready = stack;
    return {
      database,
      stack: ready,
      stackMs,
      stackStartedAt,
      load,
      gateways,
      subgraphUrl: (name) => {
        const subgraph = ready.subgraphs.get(name);
        if (!subgraph) throw new Error(`no subgraph ${name}`);
        return subgraph.url;
      },
      // The longest a subgraph accepts (a bench round is shorter); the gateway renews its own.
      direct: async (principal) => ({ [gatewayTokenHeader]: await signGatewayToken(principal, ready.secrets.gatewayTokenSecret, defaultGatewayTokenMaxLifetimeSeconds) }),
      bearer: async () => ({ authorization: `Bearer ${await ready.tokenFor('ioc-viewer')}` }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The seed ledger: per domain, when its seed finished (the ledger row is written after each domain's transaction). */
export async function seedTimeline(databaseUrl: string): Promise<Array<{ domain: string; seededAt: Date; counts: Record<string, number> }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT domain, seeded_at, counts FROM public.ioc_seed ORDER BY seeded_at');
    return rows.map((row) => ({ domain: row.domain as string, seededAt: row.seeded_at as Date, counts: row.counts as Record<string, number> }));
  } finally {
    await client.end();
  }
}

export const jsonBodies = (query: string, variables: Array<Record<string, unknown>>) => variables.map((v) => JSON.stringify({ query, variables: v }));

/** Sends every body of every call once and fails loudly on errors: a benchmark of errors measures nothing. */
export async function checkCalls(what: string, stages: HttpCall[][]): Promise<void> {
  for (const stage of stages) {
    for (const call of stage) {
      for (const body of call.bodies) {
        const response = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json', ...call.headers }, body });
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${what}: ${call.url} answered ${response.status}: ${text.slice(0, 800)}`);
      }
    }
  }
}

/** The data an answer carries, failing loudly on errors: routes are compared on it. */
export async function dataOf(url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || answer.errors?.length) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 800)}`);
  return answer.data;
}

export function runLoad(load: ChildProcess, stages: HttpCall[][], options: { concurrency: number; warmupMs: number; durationMs: number; maxRequests?: number }): Promise<LoadResult> {
  const job: LoadJob = { type: 'run', stages, maxRequests: 200_000, ...options };
  return request<LoadResult>(load, job, 'result', options.warmupMs + options.durationMs + 60_000);
}

export { freePort };
