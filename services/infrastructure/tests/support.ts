import { inject } from 'vitest';
import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
import { infrastructureSubgraph } from '../src/subgraph';

export type GraphQLResult<T = any> = GraphQLTestResult<T>;
export type InfrastructureHarness = TestSubgraph;

/** The infrastructure subgraph alone on a fresh, seeded database, counting its SQL. */
export function startInfrastructure(adminUrl: string): Promise<InfrastructureHarness> {
  return startTestSubgraph(infrastructureSubgraph, {
    adminUrl,
    prefix: 'infra',
    template: inject('seededDatabases').infrastructure,
  });
}
