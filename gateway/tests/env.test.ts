import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@ioc/kit';
import { ensureDevSecrets } from '../src/auth/dev-keys';
import { readGatewayConfig } from '../src/env';

const dir = mkdtempSync(join(tmpdir(), 'ioc-env-'));
const devFile = join(dir, 'dev-secrets.json');
ensureDevSecrets(devFile);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (source: Record<string, string>) => {
  try {
    readGatewayConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('gateway configuration', () => {
  it('reads subgraph URL overrides by name and dev keys in development', () => {
    const config = readGatewayConfig({ SUBGRAPH_EGOV_URL: 'http://10.0.0.5:4101/graphql', PORT: '4500', AUTH_DEV_SECRETS_FILE: devFile });
    expect(config.subgraphUrls).toEqual({ egov: 'http://10.0.0.5:4101/graphql' });
    expect(config.env.PORT).toBe(4500);
    expect(config.verifier.keys).toMatchObject({ kind: 'secret', dev: true });
    expect(config.introspection).toBe(true);
  });

  it('names every bad variable', () => {
    const problems = problemsOf({ SUBGRAPH_EGOV_URL: 'not a url', PORT: 'x', AUTH_DEV_SECRETS_FILE: devFile });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'SUBGRAPH_EGOV_URL']);
  });

  it('refuses dev keys in production, and says why', () => {
    expect(problemsOf({ NODE_ENV: 'production', AUTH_DEV_SECRETS_FILE: devFile })).toContain('AUTH_DEV_SECRETS_FILE: dev keys are refused in production');
  });

  it('refuses to start in production without configured keys', () => {
    const problems = problemsOf({ NODE_ENV: 'production', GATEWAY_TOKEN_SECRET: 'g'.repeat(40) });
    expect(problems[0]).toMatch(/^AUTH: configure exactly one of AUTH_JWKS_FILE, AUTH_JWKS_URL, AUTH_SECRET \(found 0\)/);
  });

  it('turns introspection off in production unless asked', () => {
    const config = readGatewayConfig({ NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(40), AUTH_ISSUER: 'https://sso.travinh.gov.vn', GATEWAY_TOKEN_SECRET: 'g'.repeat(40) });
    expect(config.introspection).toBe(false);
    expect(config.verifier).toMatchObject({ issuer: 'https://sso.travinh.gov.vn', audience: 'ioc-graph' });
  });
});
