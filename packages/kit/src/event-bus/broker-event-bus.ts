import { invalidateCachesOnPublish } from '../event-cache';
import type { Transaction } from '../database';
import type { Logger } from '../logger';
import { EventBusClosedError, LinkListeners, validateEvent, type EventBus, type EventPayload, type EventStream, type LinkListener, type SubscribeOptions } from './event-bus';
import { Fanout } from './fanout';

/** The wire of a message broker (Redis pub/sub, NATS): what differs between them. */
export interface BrokerConnection {
  /** Sends one JSON event on a channel; resolves once the broker has it. */
  send(channel: string, json: string): Promise<void>;
  /** Starts delivering a channel's messages to `deliver`; resolves once the broker has the subscription. */
  listen(channel: string, deliver: (json: string) => void): Promise<void>;
  unlisten(channel: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the broker's connection; it calls `link(false)` when the connection drops and `link(true)` once the client has reconnected. */
export type BrokerConnector = (link: LinkListener) => Promise<BrokerConnection>;

export const brokerChannelOf = (topic: string) => `ioc.${topic}`;

/**
 * An event bus over a broker every replica connects to. The broker knows nothing of database
 * transactions, so an event published in one is sent after it commits (and never if it rolls
 * back); one lost between the commit and the send is recovered, like any missed event, by the
 * subscribers' resume cursors.
 */
export class BrokerEventBus implements EventBus {
  private readonly fanout = new Fanout((topic) => void this.stopListening(topic));
  private readonly listening = new Map<string, Promise<void>>();
  private connection: Promise<BrokerConnection> | undefined;
  private readonly link = new LinkListeners();
  private closed = false;

  constructor(
    private readonly connect: BrokerConnector,
    private readonly logger: Logger,
  ) {}

  async publish(topic: string, payload: EventPayload, tx?: Transaction): Promise<void> {
    const json = validateEvent(topic, payload)!;
    invalidateCachesOnPublish(topic, tx);
    if (!tx) return this.send(topic, json);
    tx.onCommit(() => void this.send(topic, json).catch((error) => this.logger.warn('event lost after commit', { topic, error })));
  }

  async subscribe<T extends EventPayload>(topic: string, options: SubscribeOptions = {}): Promise<EventStream<T>> {
    validateEvent(topic);
    if (this.closed) throw new EventBusClosedError();
    const stream = this.fanout.add<T>(topic, options.bufferSize);
    try {
      await this.startListening(topic);
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  onLinkChange(listener: LinkListener): void {
    this.link.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.fanout.endAll();
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection.catch(() => undefined))?.close().catch(() => undefined);
  }

  private async send(topic: string, json: string): Promise<void> {
    await (await this.open()).send(brokerChannelOf(topic), json);
  }

  private startListening(topic: string): Promise<void> {
    let started = this.listening.get(topic);
    if (!started) {
      started = this.open().then((connection) =>
        connection.listen(brokerChannelOf(topic), (json) => {
          try {
            this.fanout.deliver(topic, JSON.parse(json) as EventPayload);
          } catch (error) {
            this.logger.warn('dropped malformed event', { topic, error });
          }
        }),
      );
      started.catch(() => this.listening.delete(topic));
      this.listening.set(topic, started);
    }
    return started;
  }

  private async stopListening(topic: string): Promise<void> {
    const started = this.listening.get(topic);
    this.listening.delete(topic);
    if (this.closed || !started || !this.connection) return;
    try {
      await started;
      // A subscriber that came back while we waited keeps the channel.
      if (this.fanout.has(topic)) return void this.listening.set(topic, started);
      await (await this.connection).unlisten(brokerChannelOf(topic));
    } catch (error) {
      this.logger.warn('event bus unsubscribe failed', { topic, error });
    }
  }

  private open(): Promise<BrokerConnection> {
    if (this.closed) return Promise.reject(new EventBusClosedError());
    if (!this.connection) {
      this.connection = this.connect((up) => {
        if (!this.closed) this.link.notify(up, this.logger);
      });
      this.connection.catch(() => (this.connection = undefined));
    }
    return this.connection;
  }
}
