import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createLogger, type Role } from '@ioc/kit';
import { eventually, freePort } from '@ioc/kit/testing';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@ioc/infra/embedded-postgres';
import { devIssuer, generateDevSecrets, signDevToken, type DevSecrets } from '@ioc/gateway/dev-keys';
import { seedAll } from '@ioc/seeds';
import { buildPackages, startBuiltGateway, startBuiltSubgraph, type BuiltProcess } from '../support/built';

/**
 * The graph as production runs it, for the fault suite: the built gateway and the four built
 * subgraphs, each its own process (so kill -9 kills one of them and nothing else), over a
 * PostgreSQL of the suite's own (so it can be restarted without touching the e2e run's).
 */
export const subgraphNames = ['egov', 'infrastructure', 'security', 'economy'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

export interface FaultStack {
  gateway: BuiltProcess;
  subgraphs: Map<SubgraphName, BuiltProcess>;
  databaseUrl: string;
  token(role: Role): Promise<string>;
  /** POSTs a query to the gateway as `role`; never throws (a refused connection is reported as an error). */
  query(query: string, variables?: Record<string, unknown>, role?: Role): Promise<QueryOutcome>;
  /** kill -9 one subgraph and wait until it is gone. */
  kill(name: SubgraphName): Promise<void>;
  /** Starts a killed subgraph again on its port; resolves once its /readyz answers 200. */
  restart(name: SubgraphName): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  /** True while every process started here is still the one started (none exited or restarted). */
  alive(process: BuiltProcess): boolean;
  stop(): Promise<void>;
}

export interface QueryOutcome {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * The suite measures faults, not limits: the caller rate limit would cap a load loop at 20
 * requests/s, and the alias and root-field limits a batch of raised alerts at a few.
 */
const gatewayEnv = {
  RATE_LIMIT_PER_MINUTE: '1000000000',
  LIMIT_ALIASES: '200',
  LIMIT_ROOT_FIELDS: '200',
  LIMIT_COST: '1000000',
  LIMIT_SELECTIONS: '10000',
  LOG_LEVEL: 'warn',
  // The inspector on a free loopback port, so a case can collect garbage before it reads memory.
  NODE_OPTIONS: '--inspect=127.0.0.1:0',
};

/**
 * The gateway's live memory after a full garbage collection (V8 heap used plus external memory,
 * in MiB), collected through its inspector: RSS alone keeps what V8 and the allocator have not
 * handed back, and heap used alone counts garbage not yet collected.
 */
export async function liveMemoryMiB(gateway: BuiltProcess): Promise<number> {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(gateway.output())?.[1];
  if (!url) throw new Error('the gateway has no inspector (NODE_OPTIONS --inspect)');
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  try {
    const call = (id: number, method: string, params: Record<string, unknown> = {}) =>
      new Promise<Record<string, any>>((resolve, reject) => {
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as { id?: number; result?: Record<string, any>; error?: { message: string } };
          if (message.id !== id) return;
          socket.off('message', onMessage);
          if (message.error) reject(new Error(`${method}: ${message.error.message}`));
          else resolve(message.result ?? {});
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id, method, params }));
      });
    await call(1, 'HeapProfiler.collectGarbage');
    const { result } = await call(2, 'Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    const usage = JSON.parse(result.value as string) as { heapUsed: number; external: number };
    return (usage.heapUsed + usage.external) / 2 ** 20;
  } finally {
    socket.close();
  }
}

export async function startFaultStack(): Promise<FaultStack> {
  buildPackages(['@ioc/gateway', ...subgraphNames.map((name) => `@ioc/${name}`)]);
  const dir = mkdtempSync(join(tmpdir(), 'ioc-faults-'));
  const pgPort = await freePort();
  const logger = createLogger('faults', 'error');
  const startPg = () => startEmbeddedPostgres({ dir: join(dir, 'pg'), port: pgPort, logger });
  let postgres: EmbeddedDatabase | undefined = await startPg();
  const secrets: DevSecrets = generateDevSecrets();
  await postgres.ensureDatabase('faults');
  const databaseUrl = postgres.url('faults');
  await seedAll({ databaseUrl, profile: 'small', logger });

  const processes: BuiltProcess[] = [];
  const subgraphs = new Map<SubgraphName, BuiltProcess>();
  const ports = new Map<SubgraphName, number>();
  const subgraphEnv = { LOG_LEVEL: 'error' };
  try {
    await Promise.all(
      subgraphNames.map(async (name) => {
        const subgraph = await startBuiltSubgraph(name, databaseUrl, secrets, subgraphEnv);
        processes.push(subgraph);
        subgraphs.set(name, subgraph);
        ports.set(name, Number(new URL(subgraph.url).port));
      }),
    );
    const gateway = await startBuiltGateway(secrets, devIssuer, Object.fromEntries([...subgraphs].map(([name, s]) => [name, `${s.url}/graphql`])), gatewayEnv);
    processes.push(gateway);

    const token = (role: Role) => signDevToken(secrets, role);
    return {
      gateway,
      subgraphs,
      databaseUrl,
      token,
      async query(query, variables, role = 'ioc-viewer') {
        try {
          const response = await fetch(`${gateway.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(role)}` },
            body: JSON.stringify({ query, variables }),
          });
          const body = (await response.json().catch(() => ({}))) as Omit<QueryOutcome, 'status'>;
          return { status: response.status, ...body };
        } catch (error) {
          return { status: 0, errors: [{ message: `request failed: ${(error as Error).message}` }] };
        }
      },
      async kill(name) {
        const subgraph = subgraphs.get(name)!;
        process.kill(subgraph.pid, 'SIGKILL');
        await subgraph.stop();
      },
      async restart(name) {
        const subgraph = await startBuiltSubgraph(name, databaseUrl, secrets, subgraphEnv, ports.get(name));
        processes.push(subgraph);
        subgraphs.set(name, subgraph);
      },
      async stopPostgres() {
        await postgres?.stop();
        postgres = undefined;
      },
      async startPostgres() {
        postgres = await startPg();
      },
      // Node reaps its exited children at once, so a dead child has no /proc entry.
      alive: (child) => existsSync(`/proc/${child.pid}`),
      async stop() {
        await Promise.all(processes.map((child) => child.stop()));
        await postgres?.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(processes.map((child) => child.stop()));
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one kind of query saw during a load window. */
export interface LoadCounts {
  ok: number;
  /** Data with errors (the gateway answered around a missing subgraph). */
  partial: number;
  failed: number;
  /** The distinct error messages seen (first few). */
  messages: string[];
}

/**
 * Query load for the duration of a fault: `concurrency` loops per named query, back to back.
 * `counts()` reads and resets the window, so a test can compare before, during and after.
 */
export function startLoad<K extends string>(
  stack: FaultStack,
  queries: Record<K, string>,
  concurrency = 2,
): { counts(): Record<K, LoadCounts>; lastOkAt(name: K): number; stop(): Promise<Record<K, LoadCounts>> } {
  const fresh = (): LoadCounts => ({ ok: 0, partial: 0, failed: 0, messages: [] });
  /** Epoch ms of each query's last answer with data and no errors. */
  const lastOk = new Map<K, number>();
  const names = Object.keys(queries) as K[];
  const freshWindow = () => Object.fromEntries(names.map((name) => [name, fresh()])) as Record<K, LoadCounts>;
  let window = freshWindow();
  let running = true;
  const loops = names.flatMap((name) =>
    Array.from({ length: concurrency }, async () => {
      while (running) {
        const outcome = await stack.query(queries[name]);
        const counts = window[name];
        if (outcome.data && !outcome.errors?.length) {
          counts.ok++;
          lastOk.set(name, Date.now());
        } else {
          if (outcome.data) counts.partial++;
          else counts.failed++;
          const message = outcome.errors?.[0]?.message ?? `HTTP ${outcome.status}`;
          if (counts.messages.length < 3 && !counts.messages.includes(message)) counts.messages.push(message);
          // A refused connection answers at once: do not spin.
          await sleep(20);
        }
      }
    }),
  );
  const counts = () => {
    const seen = window;
    window = freshWindow();
    return seen;
  };
  return {
    counts,
    lastOkAt: (name) => lastOk.get(name) ?? 0,
    async stop() {
      running = false;
      await Promise.all(loops);
      return counts();
    },
  };
}

/** The kit's `eventually`, timed: the milliseconds until `check` held. */
export async function timeUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  await eventually(check, timeoutMs, what);
  return Date.now() - started;
}

export const readyz = (base: string) =>
  fetch(`${base}/readyz`).then(
    async (response) => ({ status: response.status, body: (await response.json().catch(() => ({}))) as { status?: string; reason?: string } }),
    (error: Error) => ({ status: 0, body: { status: 'unreachable', reason: error.message } }),
  );

const raiseFields = 'deduplicated alert { sequence }';
const alertInput = (title: string) => ({ kind: 'INTRUSION', source: 'SURICATA', rawSeverity: '1', title, systemId: 'ioffice', serverId: 'vm-001' });

/** Raises distinct CRITICAL intrusion alerts through the gateway as a SOC analyst, in one request; resolves with the last one's sequence. */
export async function raiseAlerts(stack: FaultStack, titles: string[]): Promise<string> {
  const document = `mutation Raise(${titles.map((_, i) => `$a${i}: RaiseAlertInput!`).join(', ')}) { ${titles.map((_, i) => `a${i}: raiseAlert(input: $a${i}) { ${raiseFields} }`).join(' ')} }`;
  const outcome = await stack.query(document, Object.fromEntries(titles.map((title, i) => [`a${i}`, alertInput(title)])), 'soc-analyst');
  const raised = titles.map((_, i) => outcome.data?.[`a${i}`] as { deduplicated: boolean; alert: { sequence: string } } | undefined);
  if (outcome.errors?.length || raised.some((r) => !r || r.deduplicated)) throw new Error(`raiseAlert failed: ${JSON.stringify(outcome).slice(0, 500)}`);
  return raised.at(-1)!.alert.sequence;
}

export const raiseAlert = (stack: FaultStack, title: string) => raiseAlerts(stack, [title]);

export const alertStream = 'subscription Alerts($after: String) { alertRaised(after: $after) { sequence title } }';

/**
 * One control-room screen: a graphql-ws socket to the gateway subscribed to `alertRaised`, which
 * on an error subscribes again after a second from the last sequence it saw (as the console and
 * the agency client do), so a subgraph restart costs it nothing but the error.
 */
export class Screen {
  readonly titles: string[] = [];
  readonly errors: string[] = [];
  private last: string;
  private dispose?: () => void;
  private retry?: NodeJS.Timeout;
  private ended = false;

  constructor(
    private readonly client: Client,
    after: string,
  ) {
    this.last = after;
  }

  start(): void {
    this.dispose = this.client.subscribe<{ alertRaised: { sequence: string; title: string } }>(
      { query: alertStream, variables: { after: this.last } },
      {
        next: (result) => {
          const alert = result.data?.alertRaised;
          if (alert) {
            this.titles.push(alert.title);
            this.last = alert.sequence;
          }
          if (result.errors?.length) this.failed(result.errors[0]!.message);
        },
        error: (error) => this.failed(Array.isArray(error) ? String(error[0]?.message) : String((error as Error)?.message ?? (error as CloseEvent)?.reason ?? error)),
        complete: () => undefined,
      },
    );
  }

  private failed(message: string): void {
    this.errors.push(message);
    this.dispose?.();
    if (!this.ended) this.retry = setTimeout(() => this.start(), 1000);
  }

  async end(): Promise<void> {
    this.ended = true;
    clearTimeout(this.retry);
    this.dispose?.();
    await this.client.dispose();
  }
}

/** `count` screens on their own sockets, opened 100 at a time; resolves once each has its subscription started. */
export async function openScreens(stack: FaultStack, count: number, after: string): Promise<Screen[]> {
  const token = await stack.token('soc-analyst');
  const screens: Screen[] = [];
  for (let opened = 0; opened < count; opened += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - opened) }, async () => {
        const client = createClient({
          url: `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${token}` },
          onNonLazyError: () => undefined,
        });
        await new Promise<void>((resolve, reject) => {
          const off = client.on('connected', () => (off(), resolve()));
          const offClosed = client.on('closed', (event) => (offClosed(), reject(new Error(`screen socket closed before it was up: ${(event as CloseEvent).code}`))));
        });
        return new Screen(client, after);
      }),
    );
    screens.push(...batch);
  }
  for (const screen of screens) screen.start();
  return screens;
}
