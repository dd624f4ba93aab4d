import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, subgraphEnvSchema } from '../src/env';

describe('parseEnv', () => {
  it('applies defaults and coerces numbers', () => {
    const env = parseEnv(subgraphEnvSchema, { DATABASE_URL: 'postgres://u@h/db', PORT: '4101', GATEWAY_TOKEN_SECRET: 'x'.repeat(32) });
    expect(env).toMatchObject({ PORT: 4101, HOST: '0.0.0.0', LOG_LEVEL: 'info', NODE_ENV: 'development' });
  });

  it('names every bad or missing variable at once', () => {
    try {
      parseEnv(subgraphEnvSchema, { PORT: '70000', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems, message } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'GATEWAY_TOKEN_SECRET', 'LOG_LEVEL', 'PORT']);
      expect(message).toMatch(/^invalid configuration: /);
    }
  });

  it('treats an empty variable as unset and rejects non-postgres URLs', () => {
    expect(() => parseEnv(subgraphEnvSchema, { DATABASE_URL: '' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv(subgraphEnvSchema, { DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
  });
});
