import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Subscription load generator for `npm run bench:subscriptions`, run as child processes: each
 * holds many graphql-ws clients, one socket per client (one per control-room screen), and
 * timestamps every benchmark event it receives.
 *
 * Messages from the parent (each answered with `{ type: <type>-done, ... }`):
 * - connect { url, token, count }: open sockets until `count` are open;
 * - subscribe { scenario, query, variants, offset, total? }: client i subscribes with variants[(offset + i) % variants.length];
 * - status { scenario }: how many clients have seen a probe of the scenario;
 * - collect { scenario }: delivery latencies per event (ms since the timestamp the event carries);
 * - unsubscribe: every client ends its subscription (sockets stay open);
 * - stop.
 *
 * A benchmark alert's title reads `bench-sub <scenario> <probe|event> <seq> <epoch ms>`.
 */

/**
 * The system's wall clock, which every process on the machine reads alike at any instant. Not
 * `performance.timeOrigin + performance.now()`: that is the wall clock at the process's start
 * plus the monotonic clock since, and the two drift apart, so processes started minutes apart
 * disagree (one bench:all run read a constant +6.1 s on every delivery).
 */
const now = () => Date.now();

interface Screen {
  client: Client;
  connected: boolean;
  closed?: string;
  dispose?: () => void;
  sawProbe: boolean;
}

interface AlertEvent {
  alertRaised?: {
    title?: string;
    system?: { nameVi?: string; ownerAgency?: { nameVi?: string } | null; securityProfile?: { level?: number | null } | null; hosting?: { servers?: unknown[] } | null } | null;
  };
}

const screens: Screen[] = [];
let scenario = '';
/** Per event seq: receipt latencies (ms from the event's timestamp). */
let latencies = new Map<number, number[]>();
let incomplete = 0;
let errors = 0;
let firstError: string | undefined;
let closedDuring = 0;

function open(url: string, token: string): Promise<Screen> {
  return new Promise((resolve) => {
    const screen: Screen = { client: undefined as never, connected: false, sawProbe: false };
    let settled = false;
    screen.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      connectionParams: { authorization: `Bearer ${token}` },
      on: {
        connected: () => {
          screen.connected = true;
          if (!settled) {
            settled = true;
            resolve(screen);
          }
        },
        closed: (event) => {
          const { code, reason } = event as { code?: number; reason?: string };
          if (screen.connected && !screen.closed) closedDuring++;
          screen.connected = false;
          screen.closed = `${code ?? '?'} ${reason ?? ''}`.trim();
          if (!settled) {
            settled = true;
            resolve(screen);
          }
        },
      },
      onNonLazyError: () => undefined,
    });
  });
}

function onEvent(screen: Screen, data: AlertEvent): void {
  const received = now();
  const title = data.alertRaised?.title;
  if (!title?.startsWith('bench-sub ')) return;
  const [, name, kind, seq, sentAt] = title.split(' ');
  if (name !== scenario) return; // a replayed or earlier scenario's alert
  if (kind === 'probe') {
    screen.sawProbe = true;
    return;
  }
  const system = data.alertRaised?.system;
  if (!system?.nameVi || !system.ownerAgency?.nameVi || system.securityProfile?.level === undefined || !system.hosting?.servers) incomplete++;
  const list = latencies.get(Number(seq)) ?? [];
  list.push(received - Number(sentAt));
  latencies.set(Number(seq), list);
}

async function connect(url: string, token: string, count: number): Promise<{ open: number; failed: number; firstClose?: string }> {
  const batch = 100;
  let failed = 0;
  let firstClose: string | undefined;
  while (screens.length < count) {
    const opened = await Promise.all(Array.from({ length: Math.min(batch, count - screens.length) }, () => open(url, token)));
    for (const screen of opened) {
      if (screen.connected) screens.push(screen);
      else {
        failed++;
        firstClose ??= screen.closed;
        void screen.client.dispose();
      }
    }
    if (failed > 50) break;
  }
  return { open: screens.filter((s) => s.connected).length, failed, firstClose };
}

function subscribe(message: { scenario: string; query: string; variants: Array<Record<string, unknown>>; offset: number }): number {
  scenario = message.scenario;
  latencies = new Map();
  incomplete = 0;
  errors = 0;
  firstError = undefined;
  closedDuring = 0;
  let started = 0;
  screens.forEach((screen, i) => {
    screen.sawProbe = false;
    if (!screen.connected) return;
    const variables = message.variants[(message.offset + i) % message.variants.length];
    screen.dispose = screen.client.subscribe<AlertEvent>(
      { query: message.query, variables },
      {
        next: (result) => {
          if (result.errors?.length) {
            errors++;
            firstError ??= JSON.stringify(result.errors[0]).slice(0, 300);
          }
          if (result.data) onEvent(screen, result.data as AlertEvent);
        },
        error: (error) => {
          errors++;
          firstError ??= (Array.isArray(error) ? JSON.stringify(error[0]) : String((error as Error)?.message ?? JSON.stringify(error))).slice(0, 300);
        },
        complete: () => undefined,
      },
    );
    started++;
  });
  return started;
}

if (process.send) {
  const reply = (message: Record<string, unknown>) => process.send!(message);
  process.on('message', async (message: { type: string } & Record<string, any>) => {
    try {
      switch (message.type) {
        case 'connect':
          reply({ type: 'connect-done', ...(await connect(message.url, message.token, message.count)) });
          break;
        case 'subscribe':
          reply({ type: 'subscribe-done', started: subscribe(message as never) });
          break;
        case 'status':
          reply({
            type: 'status-done',
            live: screens.filter((s) => s.sawProbe).length,
            connected: screens.filter((s) => s.connected).length,
            errors,
            firstError,
          });
          break;
        case 'collect':
          reply({
            type: 'collect-done',
            events: [...latencies.entries()].map(([seq, list]) => ({ seq, latencies: list })),
            incomplete,
            errors,
            firstError,
            closedDuring,
            connected: screens.filter((s) => s.connected).length,
            closeReasons: [...new Set(screens.filter((s) => s.closed).map((s) => s.closed))].slice(0, 3),
          });
          break;
        case 'unsubscribe':
          for (const screen of screens) {
            screen.dispose?.();
            screen.dispose = undefined;
          }
          reply({ type: 'unsubscribe-done' });
          break;
        case 'stop':
          await Promise.race([Promise.all(screens.map((s) => s.client.dispose())), new Promise((resolve) => setTimeout(resolve, 3000))]);
          process.exit(0);
      }
    } catch (error) {
      reply({ type: 'error', error: String((error as Error)?.stack ?? error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
