/**
 * The header a data source sets on a subgraph request that may be shared with identical ones
 * already in flight: its value is the caller's authorisation scope. It never leaves the gateway.
 */
export const shareScopeHeader = 'x-ioc-share-scope';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

interface Snapshot {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

export interface InflightSharing {
  /** The fetcher for every subgraph data source. */
  fetch: Fetch;
  /**
   * A write finished: requests sent from now on never join one sent before it, so a read that
   * follows a write sees that write.
   */
  wrote(): void;
  /** How many writes have finished: what is shared is keyed by it. */
  readonly epoch: number;
}

export interface SharingOptions {
  send?: Fetch;
  /** A request was answered by an identical one already in flight. */
  onShared?: () => void;
}

/**
 * Identical subgraph reads in flight at the same moment, for the same scope, are sent once and
 * their answer is given to each (as Hive Gateway does by default): a wall of control-room screens
 * asking for the same scorecard costs the subgraphs one request, not one per screen. The answer is
 * kept as text and every waiter gets its own Response, so nothing downstream shares objects. A
 * request without the scope header (mutations, subscriptions' entity fetches) is sent as it is.
 */
export function shareInflight({ send = fetch, onShared }: SharingOptions = {}): InflightSharing {
  const inflight = new Map<string, Promise<Snapshot>>();
  let epoch = 0;

  const sharedFetch: Fetch = async (url, init) => {
    const headers = { ...(init.headers as Record<string, string>) };
    const scope = headers[shareScopeHeader];
    if (scope === undefined) return send(url, init);
    delete headers[shareScopeHeader];
    const key = `${epoch}\n${scope}\n${url}\n${String(init.body)}`;
    let pending = inflight.get(key);
    if (pending) {
      onShared?.();
    } else {
      pending = send(url, { ...init, headers }).then(async (response) => ({
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body: await response.text(),
      }));
      const settled = pending;
      inflight.set(key, settled);
      const forget = () => {
        if (inflight.get(key) === settled) inflight.delete(key);
      };
      settled.then(forget, forget);
    }
    const snapshot = await pending;
    return new Response(snapshot.body, { status: snapshot.status, statusText: snapshot.statusText, headers: snapshot.headers });
  };

  return {
    fetch: sharedFetch,
    wrote: () => {
      epoch++;
    },
    get epoch() {
      return epoch;
    },
  };
}
