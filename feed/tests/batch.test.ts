import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { feedCatalogue } from '@ioc/seeds/feed-catalogue';
import { batchOperation, ingestBody, ingestOutcomes, maxEventsPerOperation, maxOperationsPerRequest, outcomes, takeRequest } from '../src/batch';
import { createGenerator, isGraphqlKind, mutations, type FeedEvent, type GraphqlKind } from '../src/events';

const generator = createGenerator({ seed: 3, catalogue: feedCatalogue(), start: new Date('2026-12-01T02:00:00Z'), intervalMs: 100 });
const all = Array.from({ length: 700 }, () => generator.next());
const events = all.filter((e) => isGraphqlKind(e.kind));
const pending = (list: FeedEvent[]) => list.map((event) => ({ event }));

describe('batching events into one request', () => {
  it('writes aliased mutations of one subgraph with their own variables, as valid GraphQL', () => {
    const feedback = events.filter((e) => e.kind === 'feedback').slice(0, 3);
    const operation = batchOperation(feedback);
    expect(() => parse(operation.query)).not.toThrow();
    expect(operation.aliases).toEqual(['e0', 'e1', 'e2']);
    expect(operation.query).toContain('e2: receiveFeedback(input: $e2_input)');
    expect(operation.variables.e1_input).toEqual(feedback[1]!.variables.input);
  });

  it('leaves out arguments an event does not give', () => {
    const bts = { kind: 'bts', at: '', variables: { id: 'BTS-1', status: 'UP' } } satisfies FeedEvent;
    expect(batchOperation([bts]).query).toBe('mutation Feed($e0_id: String!, $e0_status: BtsStatus!) { e0: setBtsStatus(id: $e0_id, status: $e0_status) { id status } }');
  });

  it('refuses an operation over the gateway limits, across subgraphs, or of an alert (alerts go to ingest)', () => {
    const dossiers = events.filter((e) => e.kind === 'dossier');
    expect(() => batchOperation(dossiers.slice(0, maxEventsPerOperation + 1))).toThrow(/1 to 20/);
    expect(() => batchOperation([dossiers[0]!, events.find((e) => e.kind === 'bts')!])).toThrow(/one subgraph/);
    expect(() => batchOperation([all.find((e) => e.kind === 'alert')!])).toThrow(/not a mutation/);
  });

  it('takes operations of one subgraph each, within the limits, in queue order', () => {
    const queue = pending(events);
    const operations = takeRequest(queue, 10_000);
    expect(operations.length).toBeLessThanOrEqual(maxOperationsPerRequest);
    for (const operation of operations) {
      expect(operation.length).toBeLessThanOrEqual(maxEventsPerOperation);
      expect(new Set(operation.map((p) => mutations[p.event.kind as GraphqlKind].subgraph)).size).toBe(1);
      expect(() => batchOperation(operation.map((p) => p.event))).not.toThrow();
    }
    const taken = operations.flat().map((p) => p.event);
    // What is taken is a prefix of the queue; the rest stays, in order.
    expect(new Set(taken)).toEqual(new Set(events.slice(0, taken.length)));
    expect(queue.map((p) => p.event)).toEqual(events.slice(taken.length));
    expect(takeRequest(pending(events), 7).flat()).toHaveLength(7);
  });
});

describe('reading an operation’s answer', () => {
  const aliases = ['e0', 'e1', 'e2'];
  it('applies the events that have data', () => {
    expect(outcomes(aliases, 200, { data: { e0: { id: '1' }, e1: { id: '2' }, e2: { id: '3' } } })).toEqual([
      { applied: true, data: { id: '1' } },
      { applied: true, data: { id: '2' } },
      { applied: true, data: { id: '3' } },
    ]);
  });

  it('when a field fails, the ones before it ran, it is refused and the ones after it are retried', () => {
    const refused = { message: 'invalid argument "input.communeCode"', path: ['e1'], extensions: { code: 'BAD_USER_INPUT' } };
    const [before, failed, after] = outcomes(aliases, 200, { data: null, errors: [refused] });
    expect(before).toEqual({ applied: true });
    expect(failed).toMatchObject({ applied: false, retry: false, failure: expect.stringContaining('BAD_USER_INPUT') });
    expect(after).toMatchObject({ applied: false, retry: true });
  });

  it('retries every event when the subgraph is away or the gateway busy, not when it is forbidden', () => {
    const away = outcomes(aliases, 200, { data: null, errors: [{ message: 'subgraph "egov" is unavailable: fetch failed', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] });
    expect(away.every((o) => !o.applied && o.retry)).toBe(true);
    expect(outcomes(aliases, 429, { errors: [{ message: 'rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }] }).every((o) => !o.applied && o.retry)).toBe(true);
    expect(outcomes(aliases, 502, {}).every((o) => !o.applied && o.retry)).toBe(true);
    const forbidden = outcomes(aliases, 200, { data: null, errors: [{ message: 'forbidden', path: ['e0'], extensions: { code: 'FORBIDDEN' } }] });
    expect(forbidden[0]).toMatchObject({ applied: false, retry: false });
  });
});

describe('SOC records to the ingest endpoints', () => {
  const alerts = all.filter((e) => e.kind === 'alert').slice(0, 3);
  it('sends one record per line, as the tools write them', () => {
    const lines = ingestBody(alerts).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual(alerts.map((e) => (e.variables as { record: unknown }).record));
  });
  it('takes every line a 200 did not reject; retries a body the graph could not take; drops one it refused', () => {
    expect(ingestOutcomes(3, 200, { rejected: [{ line: 2, error: 'rule is missing' }] })).toEqual([
      { applied: true },
      { applied: false, retry: false, failure: 'rejected: rule is missing' },
      { applied: true },
    ]);
    expect(ingestOutcomes(2, 503, { error: 'the security subgraph is unavailable' }).every((o) => !o.applied && o.retry)).toBe(true);
    expect(ingestOutcomes(2, 0, {}).every((o) => !o.applied && o.retry)).toBe(true);
    expect(ingestOutcomes(2, 403, { error: 'needs role ingest or admin' }).every((o) => !o.applied && !o.retry)).toBe(true);
  });
});
