import { inject } from 'vitest';
import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
import { economySubgraph } from '../src/subgraph';

export type GraphQLResult<T = any> = GraphQLTestResult<T>;
export type EconomyHarness = TestSubgraph & { close(): Promise<void> };

/** The economy subgraph alone on a fresh, seeded database. */
export async function startEconomy(adminUrl: string): Promise<EconomyHarness> {
  const harness = await startTestSubgraph(economySubgraph, {
    adminUrl,
    prefix: 'economy',
    template: inject('seededDatabases').economy,
  });
  return { ...harness, close: harness.stop };
}

/** The one error of a failed operation, asserting it is BAD_USER_INPUT. */
export function inputError(result: GraphQLResult): { argument?: string; message: string } {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  if (error.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`expected BAD_USER_INPUT, got ${JSON.stringify(error)}`);
  return { argument: error.extensions.argument, message: error.message };
}
