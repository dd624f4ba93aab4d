import { createLogger, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { seedAll } from '../../../seeds/src/seed';
import { infrastructureSeed } from '../../../seeds/src/infrastructure/infrastructure.seed';
import { infrastructureSubgraph } from '../src/subgraph';

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface InfrastructureHarness {
  server: RunningSubgraph;
  database: TestDatabase;
  queries: string[];
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** The infrastructure subgraph alone on a fresh, seeded database, counting its SQL. */
export async function startInfrastructure(adminUrl: string): Promise<InfrastructureHarness> {
  const database = await createTestDatabase(adminUrl, 'infra');
  const logger = createLogger('test', 'silent');
  await seedAll({ databaseUrl: database.url, profile: 'small', logger }, [infrastructureSeed]);
  const queries: string[] = [];
  const server = await startSubgraph(infrastructureSubgraph, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    logger,
    logQueries: (sql) => queries.push(sql),
  });
  return {
    server,
    database,
    queries,
    async query(query, variables) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult;
    },
    async stop() {
      await server.close();
      await database.drop();
    },
  };
}
