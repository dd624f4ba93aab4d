import { expect, it } from 'vitest';
import { ConfigError } from '@ioc/kit';
import { readGatewayEnv } from '../src/env';

it('reads subgraph URL overrides by name', () => {
  const env = readGatewayEnv({ SUBGRAPH_EGOV_URL: 'http://10.0.0.5:4101/graphql', PORT: '4500' });
  expect(env.subgraphUrls).toEqual({ egov: 'http://10.0.0.5:4101/graphql' });
  expect(env.PORT).toBe(4500);
});

it('names every bad variable', () => {
  try {
    readGatewayEnv({ SUBGRAPH_EGOV_URL: 'not a url', PORT: 'x' });
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'SUBGRAPH_EGOV_URL']);
  }
});
