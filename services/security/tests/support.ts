import { inject } from 'vitest';
import { createLogger, openServiceDatabase } from '@ioc/kit';
import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
import { securitySeed } from '../../../seeds/src/security/security.seed';
import { securitySubgraph } from '../src/subgraph';

export type GraphQLResult<T = any> = GraphQLTestResult<T>;

export interface SecurityHarness extends TestSubgraph {
  gql: TestSubgraph['query'];
}

/** The security subgraph alone on a fresh, seeded database, counting its SQL. */
export async function startSecurity(prefix: string): Promise<SecurityHarness> {
  const harness = await startTestSubgraph(securitySubgraph, {
    adminUrl: inject('postgresAdminUrl'),
    prefix,
    // The security seed alone, as seedAll runs it (migrations, then one transaction); it needs no other domain's tables.
    seed: async (url) => {
      const logger = createLogger('test', 'silent');
      const seedDb = await openServiceDatabase({ url, schema: securitySubgraph.dbSchema, entities: securitySubgraph.entities, migrations: securitySubgraph.migrations });
      try {
        await seedDb.transaction((manager) => securitySeed.run(manager, { profile: 'small', logger }));
      } finally {
        await seedDb.destroy();
      }
    },
  });
  return { ...harness, gql: harness.query };
}

/** The first error's code and argument, for BAD_USER_INPUT assertions. */
export function firstError(result: GraphQLResult): { code?: string; argument?: string; message?: string } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, argument: error?.extensions?.argument, message: error?.message };
}
