import type { ExecutionResult } from 'graphql';
import { MessageType } from 'graphql-ws';
import { BoundedQueue } from '@ioc/kit';

/** Close code for a subscriber that could not keep up with its events (graphql-ws defines none). */
export const slowClientCloseCode = 4499;

/**
 * Past this much unsent data on a socket, results wait in the client's queue instead: the socket
 * is not keeping up, and the queue is what counts how far behind the client is.
 */
const socketHighWater = 1024 * 1024;

/** How soon a stream backed up by other operations' frames on its socket looks again. */
const recheckMs = 25;

/** What a client stream needs of a subscriber's socket (a `ws` WebSocket). */
export interface SubscriberSocket {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string, written: (error?: Error) => void): void;
  close(code: number, reason: string): void;
}

export interface ClientStreamOptions {
  socket: SubscriberSocket;
  /** The graphql-transport-ws operation id the results answer. */
  operationId: string;
  /** Results held for a client whose socket is not keeping up; one more and it is cut off. */
  limit: number;
  /** Called once when the stream ends, however: the engine forgets the client. */
  onRelease: () => void;
  /** Called when the client was cut off (its socket is already closed with `reason`). */
  onSlow: (reason: string) => void;
}

/**
 * One subscription's results on its way to one client: the engine hands it each result once
 * serialised (a broadcast serialises once, not once per client) and the stream writes the
 * `next` frames itself. While the socket is backed up, results wait in a bounded queue; a client
 * `limit` results behind is closed with 4499 and a reason instead of growing the gateway's memory.
 *
 * To graphql-ws it is the subscription's iterator: it yields nothing (the frames are already
 * written) and ends when the stream does, so graphql-ws sends `complete`; graphql-ws calls
 * `return()` when the client completes the operation or the socket closes.
 */
export class ClientStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly waiting: BoundedQueue<string>;
  private readonly framePrefix: string;
  private ending = false;
  /** Frames of ours the socket has not yet written out: each one's callback drains the queue. */
  private inFlight = 0;
  private recheck: NodeJS.Timeout | undefined;
  private finish!: () => void;
  private readonly finished = new Promise<IteratorResult<ExecutionResult>>((resolve) => {
    this.finish = () => resolve({ value: undefined, done: true });
  });

  constructor(private readonly options: ClientStreamOptions) {
    const { socket, limit } = options;
    this.framePrefix = `${JSON.stringify({ id: options.operationId, type: MessageType.Next }).slice(0, -1)},"payload":`;
    this.waiting = new BoundedQueue<string>({
      limit,
      onOverflow: () => {
        const reason = `subscriber too slow: ${limit} events were waiting`;
        socket.close(slowClientCloseCode, reason);
        options.onSlow(reason);
      },
      onClose: () => {
        clearTimeout(this.recheck);
        this.finish();
        options.onRelease();
      },
    });
  }

  /** A result already serialised as JSON. */
  push(json: string): void {
    if (!this.waiting.accepting || this.ending) return;
    const { socket } = this.options;
    if (socket.readyState !== socket.OPEN) return;
    // Queued first, so the limit counts every frame the socket has not taken; drain takes it at once if there is room.
    if (this.waiting.push(`${this.framePrefix}${json}}`)) this.drain();
  }

  /** Delivers a last result (an error telling the client why), if any, after what is waiting; then ends. */
  end(last?: ExecutionResult): void {
    if (last) this.push(JSON.stringify(last));
    this.ending = true;
    if (this.waiting.size === 0) this.waiting.end();
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.finished;
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    void this.waiting.return();
    return this.finished;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private write(frame: string): void {
    this.inFlight++;
    // ws calls back once the frame has left its buffers: room for what waits.
    this.options.socket.send(frame, () => {
      this.inFlight--;
      this.drain();
    });
  }

  private drain(): void {
    const { socket } = this.options;
    while (this.waiting.size > 0 && socket.readyState === socket.OPEN && socket.bufferedAmount < socketHighWater) this.write(this.waiting.take()!);
    if (this.waiting.size === 0) {
      if (this.ending) this.waiting.end();
      return;
    }
    // Backed up by another operation's frames: no callback of ours will come, so look again.
    if (this.inFlight === 0 && this.waiting.accepting && !this.recheck) {
      this.recheck = setTimeout(() => {
        this.recheck = undefined;
        this.drain();
      }, recheckMs);
      this.recheck.unref();
    }
  }
}
