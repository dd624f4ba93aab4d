import { createLogger, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { seedAll } from '../../../seeds/src/seed';
import { economySeed } from '../../../seeds/src/economy/economy.seed';
import { economySubgraph } from '../src/subgraph';

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; argument?: string } }>;
}

export interface EconomyHarness {
  server: RunningSubgraph;
  database: TestDatabase;
  /** Every SQL statement the subgraph ran since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  query<T = any>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/** The economy subgraph alone on a fresh, seeded database. */
export async function startEconomy(adminUrl: string): Promise<EconomyHarness> {
  const database = await createTestDatabase(adminUrl, 'economy');
  const logger = createLogger('test', 'silent');
  await seedAll({ databaseUrl: database.url, profile: 'small', logger }, [economySeed]);
  const queries: string[] = [];
  const server = await startSubgraph(economySubgraph, {
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
    resetQueries: () => void queries.splice(0),
    async query(document, variables) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, variables }),
      });
      return (await response.json()) as GraphQLResult;
    },
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

/** The one error of a failed operation, asserting it is BAD_USER_INPUT. */
export function inputError(result: GraphQLResult): { argument?: string; message: string } {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  if (error.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`expected BAD_USER_INPUT, got ${JSON.stringify(error)}`);
  return { argument: error.extensions.argument, message: error.message };
}
