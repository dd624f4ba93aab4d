import { invalidateCachesOnPublish } from '../event-cache';
import type { Transaction } from '../database';
import { EventBusClosedError, validateEvent, type EventBus, type EventPayload, type EventStream, type LinkListener, type SubscribeOptions } from './event-bus';
import { Fanout } from './fanout';

/** Single-process bus for unit tests and tools; honours transactions through `onCommit`. */
export class MemoryEventBus implements EventBus {
  private readonly fanout = new Fanout();
  private closed = false;

  async publish(topic: string, payload: EventPayload, tx?: Transaction): Promise<void> {
    validateEvent(topic, payload);
    invalidateCachesOnPublish(topic, tx);
    const copy = structuredClone(payload);
    const deliver = () => this.fanout.deliver(topic, copy);
    if (tx) tx.onCommit(deliver);
    else queueMicrotask(deliver);
  }

  async subscribe<T extends EventPayload>(topic: string, options: SubscribeOptions = {}): Promise<EventStream<T>> {
    validateEvent(topic);
    if (this.closed) throw new EventBusClosedError();
    return this.fanout.add<T>(topic, options.bufferSize);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.fanout.endAll();
  }

  /** In one process the link never drops. */
  onLinkChange(_listener: LinkListener): void {}
}
