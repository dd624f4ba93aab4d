import { ConfigError } from '../env';
import type { Logger } from '../logger';
import type { EventBus } from './event-bus';
import { NatsEventBus } from './nats-event-bus';
import { PgEventBus } from './pg-event-bus';
import { RedisEventBus } from './redis-event-bus';

const brokerSchemes = { redis: ['redis:', 'rediss:'], nats: ['nats:', 'tls:'] } as const;

export interface EventBusConfig {
  kind: 'postgres' | 'redis' | 'nats';
  /** The broker's URL (redis://, rediss://, nats://, tls://); unused by the postgres bus. */
  url?: string;
}

/** Checks that the URL fits the bus, naming the variables at fault. */
export function checkEventBusConfig(config: EventBusConfig): void {
  if (config.kind === 'postgres') {
    if (config.url) throw new ConfigError(['EVENT_BUS_URL: set, but EVENT_BUS is postgres (the default): set EVENT_BUS=redis or nats, or unset EVENT_BUS_URL']);
    return;
  }
  if (!config.url) throw new ConfigError([`EVENT_BUS_URL: required when EVENT_BUS=${config.kind}`]);
  const schemes: readonly string[] = brokerSchemes[config.kind];
  const scheme = new URL(config.url).protocol;
  if (!schemes.includes(scheme)) {
    throw new ConfigError([`EVENT_BUS_URL: a ${scheme}// URL does not fit EVENT_BUS=${config.kind} (use ${schemes.map((s) => `${s}//`).join(' or ')})`]);
  }
}

export function createEventBus(config: EventBusConfig, databaseUrl: string, logger: Logger): EventBus {
  checkEventBusConfig(config);
  switch (config.kind) {
    case 'postgres':
      return new PgEventBus(databaseUrl, logger);
    case 'redis':
      return new RedisEventBus(config.url!, logger);
    case 'nats':
      return new NatsEventBus(config.url!, logger);
  }
}
