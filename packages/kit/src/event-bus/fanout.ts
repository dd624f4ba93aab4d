import { BoundedQueue } from '../bounded-queue';
import { EventBusOverflowError, type EventPayload, type EventStream } from './event-bus';

const defaultBufferSize = 10_000;

/** What delivery needs of a subscriber's queue (queues of any event type fit). */
interface Subscriber {
  push(payload: EventPayload): boolean;
  end(): void;
}

/** In-process delivery from a topic to its live subscribers, each reading its own bounded queue. */
export class Fanout {
  private readonly topics = new Map<string, Set<Subscriber>>();

  constructor(private readonly onEmpty: (topic: string) => void = () => undefined) {}

  has(topic: string): boolean {
    return (this.topics.get(topic)?.size ?? 0) > 0;
  }

  deliver(topic: string, payload: EventPayload): void {
    for (const subscriber of [...(this.topics.get(topic) ?? [])]) subscriber.push(structuredClone(payload));
  }

  /** Subscribers read what was already delivered to them, then the end. */
  endAll(): void {
    for (const set of [...this.topics.values()]) for (const subscriber of [...set]) subscriber.end();
  }

  add<T extends EventPayload>(topic: string, bufferSize = defaultBufferSize): EventStream<T> {
    const set = this.topics.get(topic) ?? new Set<Subscriber>();
    this.topics.set(topic, set);
    const subscriber: BoundedQueue<T> = new BoundedQueue<T>({
      limit: bufferSize,
      onOverflow: (limit) => new EventBusOverflowError(topic, limit),
      onClose: () => {
        set.delete(subscriber);
        if (set.size === 0 && this.topics.get(topic) === set) {
          this.topics.delete(topic);
          this.onEmpty(topic);
        }
      },
    });
    set.add(subscriber);
    return subscriber;
  }
}
