import type { EventBus, EventPayload, EventStream } from './event-bus/event-bus';
import { LoaderRegistry } from './references';
import { openReplay, type ReplayReader, type ReplaySource } from './replay';

export interface LiveStreamOptions<TEvent extends EventPayload, TItem> {
  /** Turns an event (ids) into what the subscription returns; null skips it. */
  load(event: TEvent): Promise<TItem | null>;
  /** Keeps only items this subscriber asked for (its filter arguments). */
  filter?(item: TItem): boolean;
  /**
   * Resume: what the subscriber missed since its cursor, oldest first, read in pages after the
   * live subscription is open (so nothing falls between the replay and the live events); live
   * items at or before the last replayed one are skipped.
   */
  resume?: ReplaySource<TItem>;
}

/**
 * A subscription's source: optional replay, then live events from the bus. `return()` ends it
 * at once, even while it waits for an event (an `async function*` would wait for the next one).
 */
export function liveStream<TEvent extends EventPayload, TItem>(
  bus: EventBus,
  topic: string,
  options: LiveStreamOptions<TEvent, TItem>,
): AsyncIterableIterator<TItem> {
  let live: EventStream<TEvent> | undefined;
  let ended = false;
  const backlog: TItem[] = [];
  let replay: ReplayReader<TItem> | undefined;
  let lastReplayed: bigint | undefined;
  const opened = (async () => {
    live = await bus.subscribe<TEvent>(topic);
    if (ended) await live.return();
    else if (options.resume) replay = openReplay(options.resume);
  })();
  const done = (): IteratorResult<TItem> => ({ value: undefined, done: true });
  const accepted = (item: TItem) => !options.filter || options.filter(item);

  const iterator: AsyncIterableIterator<TItem> = {
    async next() {
      await opened;
      while (backlog.length === 0 && replay && !ended) {
        const page = await replay.next();
        if (page === null) {
          replay = undefined;
          break;
        }
        const last = page[page.length - 1];
        if (last !== undefined) lastReplayed = options.resume!.cursorOf(last);
        backlog.push(...page.filter(accepted));
      }
      const queued = backlog.shift();
      if (queued !== undefined) return { value: queued, done: false };
      while (!ended && live) {
        const event = await live.next();
        if (event.done) break;
        const item = await options.load(event.value);
        if (item === null || ended) continue;
        if (lastReplayed !== undefined && options.resume!.cursorOf(item) <= lastReplayed) continue;
        if (!accepted(item)) continue;
        return { value: item, done: false };
      }
      return done();
    },
    async return() {
      ended = true;
      backlog.length = 0;
      replay?.close();
      await live?.return();
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * A subscription's context lives as long as the subscription; its DataLoaders would serve one
 * event's rows to every later event. Each event starts with empty ones.
 */
export function freshLoaders(ctx: { loaders: LoaderRegistry }): void {
  ctx.loaders = new LoaderRegistry();
}

/** Yields every element of every batch (one event, several items); `return()` ends the source at once. */
export function expand<T>(source: AsyncIterableIterator<T[]>): AsyncIterableIterator<T> {
  const pending: T[] = [];
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (pending.length === 0) {
        const batch = await source.next();
        if (batch.done) return { value: undefined, done: true };
        pending.push(...batch.value);
      }
      return { value: pending.shift()!, done: false };
    },
    async return() {
      pending.length = 0;
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** The items of several streams as they arrive; ending it ends them all. */
export function merge<T>(...sources: AsyncIterableIterator<T>[]): AsyncIterableIterator<T> {
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => pending.set(index, sources[index]!.next().then((result) => ({ index, result })));
  sources.forEach((_, index) => pull(index));
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (pending.size > 0) {
        const { index, result } = await Promise.race(pending.values());
        if (result.done) {
          pending.delete(index);
          continue;
        }
        pull(index);
        return result;
      }
      return { value: undefined, done: true };
    },
    async return() {
      pending.clear();
      await Promise.all(sources.map((source) => source.return?.()));
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
