/**
 * The socket's state as tiles show it. graphql-ws retries forever; after a minute without a
 * connection (or when the browser says it is offline) the state reads "offline" rather than
 * "reconnecting", so a wall that lost its network for good says so.
 */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

type Listener = () => void;

export class ConnectionStore {
  private state: ConnectionState = 'reconnecting';
  private lostAt: number | null = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly offlineAfterMs = 60_000) {}

  get current(): ConnectionState {
    return this.state;
  }

  connected(): void {
    this.lostAt = null;
    clearTimeout(this.timer);
    this.set('live');
  }

  /** The socket closed or a connect attempt failed: retrying. */
  lost(): void {
    if (this.lostAt === null) this.lostAt = Date.now();
    if (this.state === 'offline') return;
    this.set('reconnecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set('offline'), Math.max(0, this.lostAt + this.offlineAfterMs - Date.now()));
  }

  browserOffline(): void {
    if (this.lostAt === null) this.lostAt = Date.now();
    this.set('offline');
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
