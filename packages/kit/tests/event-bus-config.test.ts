import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, subgraphEnvSchema } from '../src/env';
import { checkEventBusConfig, createEventBus } from '../src/event-bus/event-bus-config';
import { NatsEventBus } from '../src/event-bus/nats-event-bus';
import { PgEventBus } from '../src/event-bus/pg-event-bus';
import { RedisEventBus } from '../src/event-bus/redis-event-bus';
import { silentLogger } from '../src/logger';

const base = { DATABASE_URL: 'postgres://localhost/ioc', GATEWAY_TOKEN_SECRET: 'x'.repeat(32) };
const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('event bus configuration', () => {
  it('is PostgreSQL LISTEN/NOTIFY unless EVENT_BUS says otherwise', () => {
    const env = parseEnv(subgraphEnvSchema, base);
    expect(env.EVENT_BUS).toBe('postgres');
    expect(createEventBus({ kind: env.EVENT_BUS, url: env.EVENT_BUS_URL }, env.DATABASE_URL, silentLogger)).toBeInstanceOf(PgEventBus);
  });

  it('builds the Redis and NATS buses from their URLs without connecting', async () => {
    const redis = createEventBus({ kind: 'redis', url: 'redis://cache:6379' }, base.DATABASE_URL, silentLogger);
    const nats = createEventBus({ kind: 'nats', url: 'nats://bus:4222' }, base.DATABASE_URL, silentLogger);
    expect(redis).toBeInstanceOf(RedisEventBus);
    expect(nats).toBeInstanceOf(NatsEventBus);
    await Promise.all([redis.close(), nats.close()]);
  });

  it('refuses an unknown bus and a URL that is not one', () => {
    expect(problems(() => parseEnv(subgraphEnvSchema, { ...base, EVENT_BUS: 'kafka' }))[0]).toMatch(/^EVENT_BUS:/);
    expect(problems(() => parseEnv(subgraphEnvSchema, { ...base, EVENT_BUS: 'redis', EVENT_BUS_URL: 'redis cache' }))[0]).toMatch(/^EVENT_BUS_URL:/);
  });

  it('names the variable when the URL is missing, stray or of the other broker', () => {
    expect(problems(() => checkEventBusConfig({ kind: 'redis' }))).toEqual(['EVENT_BUS_URL: required when EVENT_BUS=redis']);
    expect(problems(() => checkEventBusConfig({ kind: 'postgres', url: 'redis://cache:6379' }))[0]).toMatch(/EVENT_BUS_URL: set, but EVENT_BUS is postgres/);
    expect(problems(() => checkEventBusConfig({ kind: 'nats', url: 'redis://cache:6379' }))[0]).toMatch(/a redis:\/\/ URL does not fit EVENT_BUS=nats \(use nats:\/\/ or tls:\/\/\)/);
  });
});
