import { createLogger } from '@ioc/kit';
import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
import { seedAll } from '../../../seeds/src/seed';
import { infrastructureSeed } from '../../../seeds/src/infrastructure/infrastructure.seed';
import { infrastructureSubgraph } from '../src/subgraph';

export type GraphQLResult<T = any> = GraphQLTestResult<T>;
export type InfrastructureHarness = TestSubgraph;

/** The infrastructure subgraph alone on a fresh, seeded database, counting its SQL. */
export function startInfrastructure(adminUrl: string): Promise<InfrastructureHarness> {
  return startTestSubgraph(infrastructureSubgraph, {
    adminUrl,
    prefix: 'infra',
    seed: (databaseUrl) => seedAll({ databaseUrl, profile: 'small', logger: createLogger('test', 'silent') }, [infrastructureSeed]).then(() => undefined),
  });
}
