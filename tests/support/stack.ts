import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchemaOf, createLogger, startSubgraph, type Role, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { startGateway, type RunningGateway } from '@ioc/gateway';
import { devAuthOptions, generateDevSecrets, signDevToken, type DevSecrets } from '@ioc/gateway/dev-keys';
import { composeSupergraph } from '@ioc/gateway/compose';
import { subgraphs } from '@ioc/infra/subgraphs';
import { seedAll, type SeedProfile } from '@ioc/seeds';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface Stack {
  database: TestDatabase;
  gateway: RunningGateway;
  subgraphs: Map<string, RunningSubgraph>;
  supergraphPath: string;
  secrets: DevSecrets;
  /** A caller's bearer token, as `npm run token` makes them. */
  tokenFor(role: Role, agencyId?: string): Promise<string>;
  /** POSTs to the gateway as `role` (default ioc-viewer; `null` sends no token). */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, role?: Role | null, agencyId?: string): Promise<GraphQLResponse<T>>;
  stopSubgraph(name: string): Promise<void>;
  /** Starts a stopped subgraph again on its port (a subgraph restart as the gateway sees it). */
  startSubgraph(name: string): Promise<void>;
  /** Stops the gateway only; `startGateway` brings it back on the same port (a gateway restart as clients see it). */
  stopGateway(): Promise<void>;
  startGateway(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  adminUrl: string;
  seed?: SeedProfile | false;
  logQueries?: (subgraph: string, sql: string) => void;
  /** Serve this built console at the gateway's `/`. */
  consoleDir?: string;
  /** The allow-list agency clients run (default gateway/persisted-operations.json). */
  persistedOperationsPath?: string;
}

/** The whole graph in-process on free ports, over a fresh database: what `npm start` runs, minus the processes. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const database = await createTestDatabase(options.adminUrl, 'stack');
  const logger = createLogger('test', 'silent');
  const secrets = generateDevSecrets();
  if (options.seed !== false) await seedAll({ databaseUrl: database.url, profile: options.seed ?? 'small', logger });
  const running = new Map<string, RunningSubgraph>();
  const ports = new Map<string, number>();
  const composable = [];
  const launch = (definition: (typeof subgraphs)[number]['definition'], port: number) =>
    startSubgraph(definition, {
      port,
      host: '127.0.0.1',
      databaseUrl: database.url,
      gatewayTokenSecret: secrets.gatewayTokenSecret,
      logger,
      logQueries: options.logQueries && ((sql) => options.logQueries!(definition.name, sql)),
    });
  for (const { definition } of subgraphs) {
    const server = await launch(definition, 0);
    running.set(definition.name, server);
    ports.set(definition.name, server.port);
    composable.push({ name: definition.name, url: server.url, sdl: (await buildSubgraphSchemaOf(definition)).sdl });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ioc-stack-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(composable));
  const gatewayOptions = {
    port: 0,
    host: '127.0.0.1',
    supergraphPath,
    persistedOperationsPath: options.persistedOperationsPath ?? join(import.meta.dirname, '..', '..', 'gateway', 'persisted-operations.json'),
    auth: devAuthOptions(secrets),
    logger,
    consoleDir: options.consoleDir,
  };
  const tokenFor = (role: Role, agencyId?: string) => signDevToken(secrets, role, { agencyId });

  const stack: Stack = {
    database,
    gateway: await startGateway(gatewayOptions),
    subgraphs: running,
    supergraphPath,
    secrets,
    tokenFor,
    async query(query, variables, role = 'ioc-viewer', agencyId) {
      const authorization: Record<string, string> = role ? { authorization: `Bearer ${await tokenFor(role, agencyId)}` } : {};
      const response = await fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async stopSubgraph(name) {
      await running.get(name)?.close();
      running.delete(name);
    },
    async startSubgraph(name) {
      const entry = subgraphs.find((s) => s.definition.name === name);
      if (!entry || running.has(name)) throw new Error(`startSubgraph: ${name} is ${entry ? 'running' : 'not a subgraph'}`);
      running.set(name, await launch(entry.definition, ports.get(name)!));
    },
    async stopGateway() {
      await stack.gateway.close();
      await new Promise<void>((resolve) => stack.gateway.httpServer.close(() => resolve()));
    },
    async startGateway() {
      stack.gateway = await startGateway({ ...gatewayOptions, port: stack.gateway.port });
    },
    async stop() {
      await stack.gateway.close();
      for (const server of running.values()) await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}
