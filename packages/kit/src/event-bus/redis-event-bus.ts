import { createClient } from 'redis';
import { silentLogger, type Logger } from '../logger';
import type { LinkListener } from './event-bus';
import { BrokerEventBus, type BrokerConnection } from './broker-event-bus';

/**
 * Redis pub/sub: every replica subscribed to a channel receives each message published on it.
 * Two connections, because a Redis connection in subscriber mode can only (un)subscribe.
 * node-redis reconnects on its own and subscribes again to every channel it had; the subscriber
 * connection's `reconnecting` and then `ready` are the bus's link going down and coming back.
 */
export class RedisEventBus extends BrokerEventBus {
  constructor(url: string, logger: Logger = silentLogger) {
    super((link) => connectRedis(url, logger, link), logger);
  }
}

async function connectRedis(url: string, logger: Logger, link: LinkListener): Promise<BrokerConnection> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  publisher.on('error', (error) => logger.warn('event bus publisher error', { error }));
  subscriber.on('error', (error) => logger.warn('event bus subscriber error', { error }));
  let connected = false;
  subscriber.on('reconnecting', () => connected && link(false));
  subscriber.on('ready', () => connected && link(true));
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    connected = true;
  } catch (error) {
    publisher.destroy();
    subscriber.destroy();
    throw error;
  }
  return {
    async send(channel, json) {
      await publisher.publish(channel, json);
    },
    async listen(channel, deliver) {
      await subscriber.subscribe(channel, deliver);
    },
    async unlisten(channel) {
      await subscriber.unsubscribe(channel);
    },
    async close() {
      await Promise.allSettled([publisher.close(), subscriber.close()]);
    },
  };
}
