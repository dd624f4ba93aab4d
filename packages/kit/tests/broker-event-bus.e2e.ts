import { createClient } from 'redis';
import { NatsEventBus } from '../src/event-bus/nats-event-bus';
import { RedisEventBus } from '../src/event-bus/redis-event-bus';
import { startNatsServer, startRedisServer } from '../src/testing';
import { harnessWithDatabase } from './bus-harness';
import { eventBusSuite } from './event-bus.suite';

// Each case gets its own broker server, as it gets its own database.
eventBusSuite('Redis pub/sub', async () => {
  const redis = await startRedisServer();
  return harnessWithDatabase(() => new RedisEventBus(redis.url), redis.stop, async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    } finally {
      await admin.close();
    }
  });
});

eventBusSuite('NATS', async () => {
  const nats = await startNatsServer();
  return harnessWithDatabase(() => new NatsEventBus(nats.url), nats.stop);
});
