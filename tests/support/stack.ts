import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchemaOf, createLogger, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { startGateway, type RunningGateway } from '@ioc/gateway';
import { composeSupergraph } from '@ioc/infra/compose';
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
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  adminUrl: string;
  seed?: SeedProfile | false;
  logQueries?: (subgraph: string, sql: string) => void;
}

/** The whole graph in-process on free ports, over a fresh database: what `npm start` runs, minus the processes. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const database = await createTestDatabase(options.adminUrl, 'stack');
  const logger = createLogger('test', 'silent');
  if (options.seed !== false) await seedAll({ databaseUrl: database.url, profile: options.seed ?? 'small', logger });
  const running = new Map<string, RunningSubgraph>();
  const composable = [];
  for (const { definition } of subgraphs) {
    const server = await startSubgraph(definition, {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      logger,
      logQueries: options.logQueries && ((sql) => options.logQueries!(definition.name, sql)),
    });
    running.set(definition.name, server);
    composable.push({ name: definition.name, url: server.url, sdl: (await buildSubgraphSchemaOf(definition)).sdl });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ioc-stack-'));
  const supergraphPath = join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(composable));
  const gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath, logger });

  return {
    database,
    gateway,
    subgraphs: running,
    supergraphPath,
    async query(query, variables) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async stopSubgraph(name) {
      await running.get(name)?.close();
      running.delete(name);
    },
    async stop() {
      await gateway.close();
      for (const server of running.values()) await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
