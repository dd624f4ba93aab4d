import { badInput } from './errors';

/** Items a resume reads per query: a subscriber far behind costs many small queries, never one giant one. */
export const replayPageSize = 200;

const maxBigint = 2n ** 63n - 1n;

/**
 * A resume cursor (`after`) as a PostgreSQL bigint: a decimal number within range, refused as
 * BAD_USER_INPUT naming the argument otherwise (never a raw `bigint out of range` from the database).
 */
export function parseResumeCursor(argument: string, value: string | null | undefined, what = 'a sequence'): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  const cursor = /^\d{1,19}$/.test(value) ? BigInt(value) : undefined;
  if (cursor === undefined || cursor > maxBigint) throw badInput(argument, `"${value.slice(0, 40)}" is not ${what} (a decimal number up to ${maxBigint})`);
  return cursor;
}

export interface ReplaySource<TItem> {
  /** The subscriber's cursor: items after it are replayed. */
  after: bigint;
  /** Up to `limit` items after `cursor`, in cursor order. */
  page(cursor: bigint, limit: number): Promise<TItem[]>;
  cursorOf(item: TItem): bigint;
  /**
   * Resumes whose `page` is the same query (same filters, same cursor) share a key: concurrent
   * ones read each page once. Omit it to read alone.
   */
  shareKey?: string;
}

/** One subscriber's pass over a replay: pages in order, then null. */
export interface ReplayReader<TItem> {
  next(): Promise<TItem[] | null>;
  close(): void;
}

/**
 * The pages of one replay, read once for every subscriber that joined it; a page is kept until the
 * slowest reader has moved past it, and newcomers join only while the first page is still kept.
 * A reader that joined after the last page was requested reads on alone from there: that page's
 * query may have run before the reader's live stream opened, and what was committed in between
 * must not be lost.
 */
class SharedReplay<TItem> {
  private readonly pages = new Map<number, Promise<TItem[]>>();
  /** When each page was requested, in `requests` order. */
  private readonly requestedAt = new Map<number, number>();
  private requests = 0;
  /** The cursor after page i (its last item's), once page i is read. */
  private readonly cursors = new Map<number, bigint>();
  /** The index of the short page that ended the replay, once read. */
  private end?: number;
  private readonly positions = new Map<object, number>();
  private released = 0;

  constructor(
    private readonly source: ReplaySource<TItem>,
    private readonly onIdle: (replay: SharedReplay<TItem>) => void,
  ) {}

  get joinable(): boolean {
    return this.released === 0;
  }

  reader(): ReplayReader<TItem> {
    const self = {};
    const joinedAt = this.requests;
    let cursor = this.source.after;
    let alone = false;
    let finished = false;
    this.positions.set(self, 0);
    const advance = (items: TItem[]) => {
      const last = items[items.length - 1];
      if (last !== undefined) cursor = this.source.cursorOf(last);
      return items;
    };
    const readAlone = async () => {
      const items = advance(await this.source.page(cursor, replayPageSize));
      if (items.length < replayPageSize) finished = true;
      return items;
    };
    return {
      next: async () => {
        if (finished) return null;
        if (alone) return readAlone();
        const index = this.positions.get(self)!;
        if (this.end !== undefined && index > this.end) {
          this.leave(self);
          if (this.requestedAt.get(this.end)! >= joinedAt) {
            finished = true;
            return null;
          }
          alone = true;
          return readAlone();
        }
        const items = advance(await this.page(index));
        this.positions.set(self, index + 1);
        this.release();
        return items;
      },
      close: () => {
        finished = true;
        this.leave(self);
      },
    };
  }

  private page(index: number): Promise<TItem[]> {
    let page = this.pages.get(index);
    if (!page) {
      const cursor = index === 0 ? this.source.after : this.cursors.get(index - 1)!;
      this.requestedAt.set(index, this.requests++);
      page = this.source.page(cursor, replayPageSize).then((items) => {
        const last = items[items.length - 1];
        if (last !== undefined) this.cursors.set(index, this.source.cursorOf(last));
        if (items.length < replayPageSize) this.end = index;
        return items;
      });
      this.pages.set(index, page);
      page.catch(() => this.pages.delete(index));
    }
    return page;
  }

  private release(): void {
    if (this.positions.size === 0) return;
    const slowest = Math.min(...this.positions.values());
    for (; this.released < slowest; this.released++) this.pages.delete(this.released);
  }

  private leave(reader: object): void {
    if (!this.positions.delete(reader)) return;
    if (this.positions.size === 0) {
      this.pages.clear();
      this.released = Number.MAX_SAFE_INTEGER;
      this.onIdle(this);
    } else this.release();
  }
}

const sharedReplays = new Map<string, SharedReplay<unknown>>();

/** A reader of `source`'s pages, sharing them with concurrent readers of the same key. */
export function openReplay<TItem>(source: ReplaySource<TItem>): ReplayReader<TItem> {
  if (source.shareKey === undefined) return new SharedReplay(source, () => {}).reader();
  const key = `${source.shareKey}\u0000${source.after}`;
  let replay = sharedReplays.get(key) as SharedReplay<TItem> | undefined;
  if (!replay?.joinable) {
    replay = new SharedReplay(source, (idle) => {
      if (sharedReplays.get(key) === idle) sharedReplays.delete(key);
    });
    sharedReplays.set(key, replay as SharedReplay<unknown>);
  }
  return replay.reader();
}

/** Shared replays open now (tests check that finished ones are released). */
export const openReplayCount = () => sharedReplays.size;
