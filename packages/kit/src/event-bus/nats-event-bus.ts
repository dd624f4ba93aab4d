import { connect, type Subscription } from 'nats';
import { silentLogger, type Logger } from '../logger';
import type { LinkListener } from './event-bus';
import { BrokerEventBus, type BrokerConnection } from './broker-event-bus';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * NATS core subjects (no JetStream: the bus carries ids for live updates, and resume cursors,
 * not the broker, recover what a subscriber missed). One connection serves both directions;
 * `flush()` waits for the server's answer, so a subscription is live and a message is sent
 * when the call resolves. The client reconnects and subscribes again on its own.
 */
export class NatsEventBus extends BrokerEventBus {
  constructor(url: string, logger: Logger = silentLogger) {
    super((link) => connectNats(url, logger, link), logger);
  }
}

async function connectNats(url: string, logger: Logger, link: LinkListener): Promise<BrokerConnection> {
  const connection = await connect({ servers: url, maxReconnectAttempts: -1, name: 'ioc-graph event bus' });
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect' || status.type === 'error') logger.warn('event bus connection', { status: status.type, data: String(status.data) });
      if (status.type === 'disconnect') link(false);
      if (status.type === 'reconnect') link(true);
    }
  })();
  const subscriptions = new Map<string, Subscription>();
  return {
    async send(channel, json) {
      connection.publish(channel, encoder.encode(json));
      await connection.flush();
    },
    async listen(channel, deliver) {
      subscriptions.set(
        channel,
        connection.subscribe(channel, {
          callback: (error, message) => {
            if (error) logger.warn('event bus subscription error', { channel, error });
            else deliver(decoder.decode(message.data));
          },
        }),
      );
      await connection.flush();
    },
    async unlisten(channel) {
      subscriptions.get(channel)?.unsubscribe();
      subscriptions.delete(channel);
    },
    async close() {
      await connection.close();
    },
  };
}
