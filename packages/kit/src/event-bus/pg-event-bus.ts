import { invalidateCachesOnPublish } from '../event-cache';
import pg from 'pg';
import type { Transaction } from '../database';
import type { Logger } from '../logger';
import { silentLogger } from '../logger';
import { EventBusClosedError, LinkListeners, validateEvent, type EventBus, type EventPayload, type EventStream, type LinkListener, type SubscribeOptions } from './event-bus';
import { Fanout } from './fanout';

const channelOf = (topic: string) => `ioc.${topic}`;
const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

/**
 * PostgreSQL LISTEN/NOTIFY. NOTIFY inside a transaction is delivered by the server on commit,
 * to every listening connection, so all replicas of a service see every event.
 */
export class PgEventBus implements EventBus {
  private readonly fanout = new Fanout((topic) => void this.unlisten(topic));
  private readonly publisher: pg.Pool;
  private listener: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private readonly listening = new Set<string>();
  private readonly link = new LinkListeners();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger = silentLogger,
  ) {
    this.publisher = new pg.Pool({ connectionString: url, max: 2 });
    this.publisher.on('error', (error) => this.logger.warn('event bus publisher error', { error }));
  }

  async publish(topic: string, payload: EventPayload, tx?: Transaction): Promise<void> {
    const json = validateEvent(topic, payload);
    invalidateCachesOnPublish(topic, tx);
    const sql = 'SELECT pg_notify($1, $2)';
    if (tx) await tx.query(sql, [channelOf(topic), json]);
    else await this.publisher.query(sql, [channelOf(topic), json]);
  }

  /** One statement for the lot: NOTIFY each payload (delivered on commit, like `publish`). */
  async publishMany(topic: string, payloads: readonly EventPayload[], tx?: Transaction): Promise<void> {
    const json = payloads.map((payload) => validateEvent(topic, payload)!);
    invalidateCachesOnPublish(topic, tx);
    const sql = 'SELECT count(pg_notify($1, payload)) FROM unnest($2::text[]) AS payload';
    if (tx) await tx.query(sql, [channelOf(topic), json]);
    else await this.publisher.query(sql, [channelOf(topic), json]);
  }

  async subscribe<T extends EventPayload>(topic: string, options: SubscribeOptions = {}): Promise<EventStream<T>> {
    validateEvent(topic);
    if (this.closed) throw new EventBusClosedError();
    const stream = this.fanout.add<T>(topic, options.bufferSize);
    if (!this.listening.has(topic)) {
      this.listening.add(topic);
      try {
        const client = await this.connect();
        await client.query(`LISTEN ${quote(channelOf(topic))}`);
      } catch (error) {
        // Not listening after all: the next subscriber tries again.
        this.listening.delete(topic);
        await stream.return();
        throw error;
      }
    }
    return stream;
  }

  onLinkChange(listener: LinkListener): void {
    this.link.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.fanout.endAll();
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
    await this.publisher.end().catch(() => undefined);
  }

  private async unlisten(topic: string): Promise<void> {
    this.listening.delete(topic);
    if (this.closed || !this.listener) return;
    await this.listener.query(`UNLISTEN ${quote(channelOf(topic))}`).catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.listener) return Promise.resolve(this.listener);
    this.connecting ??= this.openListener().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async openListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const topic = message.channel.slice('ioc.'.length);
      try {
        this.fanout.deliver(topic, JSON.parse(message.payload ?? '{}') as EventPayload);
      } catch (error) {
        this.logger.warn('dropped malformed event', { topic, error });
      }
    });
    client.on('error', (error) => this.logger.warn('event bus listener error', { error }));
    client.on('end', () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      if (this.closed || this.listening.size === 0) return;
      // NOTIFYs sent from now until the next LISTEN reach no one here.
      this.link.notify(false, this.logger);
      this.reconnect(1);
    });
    await client.connect();
    this.listener = client;
    return client;
  }

  /**
   * Re-listens to every topic after a lost connection; events sent while down are recovered by
   * resume cursors. A subscribe may have opened the new connection first (for its own topic
   * only), so every topic is listened to again whoever connected.
   */
  private reconnect(attempt: number): void {
    const delay = Math.min(5000, 100 * 2 ** attempt);
    setTimeout(async () => {
      if (this.closed) return;
      try {
        const client = await this.connect();
        for (const topic of this.listening) await client.query(`LISTEN ${quote(channelOf(topic))}`);
        this.logger.info('event bus listener reconnected', { attempt });
        this.link.notify(true, this.logger);
      } catch (error) {
        this.logger.warn('event bus listener reconnect failed', { attempt, error });
        this.reconnect(attempt + 1);
      }
    }, delay).unref();
  }
}
