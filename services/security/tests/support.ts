import { inject } from 'vitest';
import type { EventStream } from '@ioc/kit';
import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
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
    template: inject('seededDatabases').security,
  });
  return { ...harness, gql: harness.query };
}

/** The first error's code and argument, for BAD_USER_INPUT assertions. */
export function firstError(result: GraphQLResult): { code?: string; argument?: string; message?: string } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, argument: error?.extensions?.argument, message: error?.message };
}

/** Everything a stream delivers, as it arrives. */
export function collect<T>(stream: EventStream<T>): T[] {
  const items: T[] = [];
  void (async () => {
    for await (const item of stream) items.push(item);
  })().catch(() => undefined);
  return items;
}
