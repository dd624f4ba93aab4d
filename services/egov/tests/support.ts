import { startTestSubgraph, type GraphQLTestResult, type TestSubgraph } from '@ioc/kit/testing';
import { expect, inject } from 'vitest';
import { egovSubgraph } from '../src/subgraph';

export type GraphQLResult<T = any> = GraphQLTestResult<T>;

/** The egov subgraph alone on a fresh database seeded with the small profile, counting its SQL. */
export function startEgov(adminUrl: string): Promise<TestSubgraph> {
  return startTestSubgraph(egovSubgraph, {
    adminUrl,
    prefix: 'egov',
    template: inject('seededDatabases').egov,
  });
}

/** Asserts a BAD_USER_INPUT error naming `argument`. */
export function expectBadInput(result: GraphQLResult, argument: string): void {
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
}

export function expectOk<T>(result: GraphQLResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}
