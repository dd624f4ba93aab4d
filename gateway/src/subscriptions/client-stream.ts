import type { ExecutionResult } from 'graphql';

/**
 * What one client subscription reads: a bounded queue. A client that falls `limit` events
 * behind is cut off through `onOverflow` (the socket is closed with a reason) instead of
 * growing the gateway's memory without bound.
 */
export class ClientStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | undefined;
  private finished = false;
  private released = false;

  constructor(
    private readonly limit: number,
    private readonly onRelease: () => void,
    private readonly onOverflow: (queued: number) => void,
    /**
     * Writes an already serialised result straight to the client's socket, so a broadcast
     * serialises once instead of once per client; false when the client is too far behind.
     */
    private readonly send?: (json: string) => boolean,
  ) {}

  get writesDirectly(): boolean {
    return this.send !== undefined;
  }

  push(result: ExecutionResult, json?: string): void {
    if (this.finished) return;
    if (this.send && json !== undefined && this.queue.length === 0) {
      if (!this.send(json)) {
        this.finish();
        this.onOverflow(this.limit);
      }
      return;
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: result, done: false });
      return;
    }
    if (this.queue.length >= this.limit) {
      this.finish();
      this.onOverflow(this.limit);
      return;
    }
    this.queue.push(result);
  }

  /** Delivers a last result (an error telling the client why), then ends. */
  end(last?: ExecutionResult): void {
    if (this.finished) return;
    if (last) this.push(last);
    this.finish();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.queue.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  private finish(): void {
    this.finished = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
    if (!this.released) {
      this.released = true;
      this.onRelease();
    }
  }
}
