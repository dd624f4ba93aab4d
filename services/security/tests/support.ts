import { inject } from 'vitest';
import { createLogger, openServiceDatabase, startSubgraph, type RunningSubgraph } from '@ioc/kit';
import { createTestDatabase, type TestDatabase } from '@ioc/kit/testing';
import { securitySeed } from '../../../seeds/src/security/security.seed';
import { securitySubgraph } from '../src/subgraph';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; argument?: string } }>;
}

export interface SecurityHarness {
  db: TestDatabase;
  subgraph: RunningSubgraph;
  /** Every SQL statement the subgraph ran since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** The security subgraph alone on a fresh, seeded database, counting its SQL. */
export async function startSecurity(prefix: string): Promise<SecurityHarness> {
  const db = await createTestDatabase(inject('postgresAdminUrl'), prefix);
  const logger = createLogger('test', 'silent');
  // The security seed alone, as seedAll runs it (migrations, then one transaction); it needs no other domain's tables.
  const seedDb = await openServiceDatabase({ url: db.url, schema: securitySubgraph.dbSchema, entities: securitySubgraph.entities, migrations: securitySubgraph.migrations });
  try {
    await seedDb.transaction((manager) => securitySeed.run(manager, { profile: 'small', logger }));
  } finally {
    await seedDb.destroy();
  }
  const queries: string[] = [];
  const subgraph = await startSubgraph(securitySubgraph, { port: 0, host: '127.0.0.1', databaseUrl: db.url, logger, logQueries: (sql) => queries.push(sql) });
  return {
    db,
    subgraph,
    queries,
    resetQueries: () => void queries.splice(0),
    async gql(query, variables) {
      const response = await fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphQLResult;
    },
    async stop() {
      await subgraph.close();
      await db.drop();
    },
  };
}

/** The first error's code and argument, for BAD_USER_INPUT assertions. */
export function firstError(result: GraphQLResult): { code?: string; argument?: string; message?: string } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, argument: error?.extensions?.argument, message: error?.message };
}
