import { EventBusOverflowError, type EventPayload, type EventStream } from './event-bus';

const defaultBufferSize = 10_000;

interface Subscriber {
  push(payload: EventPayload): void;
  end(): void;
}

/** In-process delivery from a topic to its live subscribers, each with a bounded queue. */
export class Fanout {
  private readonly topics = new Map<string, Set<Subscriber>>();

  constructor(private readonly onEmpty: (topic: string) => void = () => undefined) {}

  has(topic: string): boolean {
    return (this.topics.get(topic)?.size ?? 0) > 0;
  }

  deliver(topic: string, payload: EventPayload): void {
    for (const subscriber of this.topics.get(topic) ?? []) subscriber.push(structuredClone(payload));
  }

  endAll(): void {
    for (const set of this.topics.values()) for (const subscriber of [...set]) subscriber.end();
  }

  add<T extends EventPayload>(topic: string, bufferSize = defaultBufferSize): EventStream<T> {
    const queue: T[] = [];
    const waiting: Array<{ resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }> = [];
    let failure: Error | undefined;
    let done = false;
    const set = this.topics.get(topic) ?? new Set<Subscriber>();
    this.topics.set(topic, set);

    const detach = () => {
      if (done) return;
      done = true;
      set.delete(subscriber);
      if (set.size === 0) {
        this.topics.delete(topic);
        this.onEmpty(topic);
      }
    };
    const settleWaiting = () => {
      while (waiting.length > 0) {
        const next = waiting.shift()!;
        if (failure) next.reject(failure);
        else next.resolve({ value: undefined, done: true });
      }
    };
    const subscriber: Subscriber = {
      push(payload) {
        if (done) return;
        const reader = waiting.shift();
        if (reader) return reader.resolve({ value: payload as T, done: false });
        if (queue.length >= bufferSize) {
          failure = new EventBusOverflowError(topic, bufferSize);
          queue.length = 0;
          detach();
          return;
        }
        queue.push(payload as T);
      },
      end() {
        detach();
        settleWaiting();
      },
    };
    set.add(subscriber);

    const stream: EventStream<T> = {
      next() {
        const value = queue.shift();
        if (value !== undefined) return Promise.resolve({ value, done: false });
        if (failure) {
          const error = failure;
          failure = undefined;
          return Promise.reject(error);
        }
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        queue.length = 0;
        subscriber.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    return stream;
  }
}
