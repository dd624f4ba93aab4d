export interface BoundedQueueOptions {
  /** Items held for a reader that is behind; a push beyond it overflows the queue. */
  limit: number;
  /**
   * Called once, when a push finds the queue full. What it held is dropped and the queue closes
   * (the writer is cut off rather than memory growing); an Error returned is what the next read
   * rejects with, otherwise reads just end.
   */
  onOverflow?: (limit: number) => Error | void;
  /** Called once, however the queue closes (ended, failed, overflowed or returned): release what feeds it. */
  onClose?: () => void;
}

type Reader<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

/**
 * The one bounded async queue between a producer that must never wait (an event source) and a
 * reader that may (a subscriber): the event bus's subscribers, and through them live streams, and
 * the gateway's client streams. `return()` ends it at once, even while a read waits.
 */
export class BoundedQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private readonly readers: Reader<T>[] = [];
  private failure: Error | undefined;
  private open = true;

  constructor(private readonly options: BoundedQueueOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError(`a bounded queue needs a limit of at least 1, not ${options.limit}`);
  }

  /** Items waiting to be read. */
  get size(): number {
    return this.items.length;
  }

  /** False once the queue has closed: pushes are ignored. */
  get accepting(): boolean {
    return this.open;
  }

  /** Hands the item to a waiting reader or queues it; false when it was not taken (closed, or it overflowed). */
  push(item: T): boolean {
    if (!this.open) return false;
    const reader = this.readers.shift();
    if (reader) {
      reader.resolve({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.options.limit) {
      this.items.length = 0;
      const error = this.options.onOverflow?.(this.options.limit);
      if (error) this.failure = error;
      this.close();
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** The oldest item without waiting, for a writer that drains the queue itself. */
  take(): T | undefined {
    return this.items.shift();
  }

  /** No more items: readers get what is queued, then the end. */
  end(): void {
    this.close();
  }

  /** Drops what is queued; the next read rejects with `error`, later ones end. */
  fail(error: Error): void {
    if (!this.open) return;
    this.items.length = 0;
    this.failure = error;
    this.close();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.failure) {
      const error = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (!this.open) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.readers.push({ resolve, reject }));
  }

  /** The reader is done: drops what is queued and closes. */
  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.failure = undefined;
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    // Readers wait only while nothing is queued: they get the failure or the end now.
    for (const reader of this.readers.splice(0)) {
      if (this.failure) {
        reader.reject(this.failure);
        this.failure = undefined;
      } else reader.resolve({ value: undefined, done: true });
    }
    this.options.onClose?.();
  }
}
