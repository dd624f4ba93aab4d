import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '@ioc/kit';
import { eventually } from '@ioc/kit/testing';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { runFeed, type FeedReport } from '@ioc/feed';
import { startStack, type Stack } from '../support/stack';

/** What the feed logged, parsed. */
interface Line {
  msg: string;
  level: string;
  [field: string]: unknown;
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ adminUrl: inject('postgresAdminUrl'), seed: 'small' });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the feed across restarts', () => {
  it('carries on through a subgraph restart and a gateway restart, backing off and reporting what it dropped', async () => {
    const lines: Line[] = [];
    const logger = createLogger('feed', 'info', {}, (line) => lines.push(JSON.parse(line) as Line));
    const progress = () => lines.filter((l) => l.msg === 'feed progress');
    const sentSince = (mark: number) => progress().slice(mark).reduce((n, l) => n + Object.values(l.perKind as Record<string, number>).reduce((a, b) => a + b, 0), 0);
    const pauses = () => lines.filter((l) => l.msg === 'feed pausing: the graph could not take events').map((l) => l.inMs as number);
    const grew = (ms: number[]) => ms.some((pause, i) => i > 0 && pause > ms[i - 1]!);
    const stop = new AbortController();
    const running: Promise<FeedReport> = runFeed({
      url: stack.gateway.url,
      token: () => stack.tokenFor('ingest'),
      catalogue: feedCatalogue(),
      seed: 11,
      rate: 40,
      once: false,
      anyHour: true,
      concurrency: 2,
      // Two tries: an outage of a few seconds outlasts them, so egov's events are dropped and counted.
      maxAttempts: 2,
      progressMs: 200,
      logger,
      signal: stop.signal,
    });
    try {
      await eventually(() => sentSince(0) > 0, 30_000, 'the feed to send');

      // egov away: its events fail, are retried after a pause, then dropped; the other subgraphs' events still go.
      await stack.stopSubgraph('egov');
      await eventually(() => lines.some((l) => l.msg === 'feed dropped an event: still failing after 2 attempts'), 60_000, 'a drop while egov is away');
      await stack.startSubgraph('egov');
      let mark = progress().length;
      await eventually(() => progress().slice(mark).some((l) => (l.perKind as Record<string, number>).dossier! > 0), 60_000, 'dossiers again after egov is back');

      // The gateway away: every request fails; the feed backs off, then carries on.
      const pausesBefore = pauses().length;
      await stack.stopGateway();
      // A request still in flight when the gateway stops can succeed and reset the streak, so wait
      // for the back-off to grow while it is away rather than for a number of pauses.
      await eventually(() => grew(pauses().slice(pausesBefore)), 60_000, 'the feed to back off');
      await stack.startGateway();
      mark = progress().length;
      await eventually(() => sentSince(mark) > 0, 60_000, 'events again after the gateway is back');
    } finally {
      stop.abort();
    }
    const report = await running;

    expect(report.dropped).toBeGreaterThan(0);
    expect(report.droppedKinds.dossier + report.droppedKinds.feedback + report.droppedKinds.resolution).toBeGreaterThan(0);
    expect(report.errors).toBeGreaterThan(0);
    for (const kind of ['alert', 'bts', 'server-health', 'dossier', 'feedback'] as const) expect(report.sent[kind], kind).toBeGreaterThan(0);
    // Backing off: consecutive pauses of one outage grow (until a request gets through).
    expect(grew(pauses()), `pauses: ${pauses().join(', ')}`).toBe(true);
    // Every drop is logged with its kind.
    const logged = lines.filter((l) => l.level === 'warn' && String(l.msg).startsWith('feed dropped an event')).length;
    expect(logged).toBeGreaterThan(0);
  }, 240_000);
});
