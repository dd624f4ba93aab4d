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
  it('writes one batch mutation per kind, with the events in order, as valid GraphQL', () => {
    const egov = events.filter((e) => mutations[e.kind as GraphqlKind].subgraph === 'egov').slice(0, 40);
    const operation = batchOperation(egov);
    expect(() => parse(operation.query)).not.toThrow();
    const kinds = [...new Set(egov.map((e) => e.kind))];
    expect(operation.fields.map((f) => f.alias)).toEqual(kinds.map((_, i) => `f${i}`));
    const feedback = egov.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'feedback');
    const field = operation.fields[kinds.indexOf('feedback')]!;
    expect(operation.query).toContain(`${field.alias}: receiveFeedbacks(inputs: $${field.alias}) { id }`);
    expect(field.events).toEqual(feedback.map(([, i]) => i));
    expect(operation.variables[field.alias]).toEqual(feedback.map(([e]) => e.variables.input));
    // Every event in exactly one field.
    expect(operation.fields.flatMap((f) => f.events).sort((a, b) => a - b)).toEqual(egov.map((_, i) => i));
  });

  it('leaves out arguments an event does not give, and splits a kind past its field\'s bound', () => {
    const bts = { kind: 'bts', at: '', variables: { id: 'BTS-1', status: 'UP' } } satisfies FeedEvent;
    expect(batchOperation([bts])).toEqual({
      query: 'mutation Feed($f0: [BtsStatusReportInput!]!) { f0: setBtsStatuses(items: $f0) { id status } }',
      variables: { f0: [{ id: 'BTS-1', status: 'UP' }] },
      fields: [{ alias: 'f0', events: [0] }],
    });
    const dossiers = events.filter((e) => e.kind === 'dossier').slice(0, 150);
    expect(dossiers).toHaveLength(150);
    expect(batchOperation(dossiers).fields.map((f) => f.events.length)).toEqual([mutations.dossier.maxItems, 50]);
  });

  it('refuses an operation over the gateway limits, across subgraphs, or of an alert (alerts go to ingest)', () => {
    const dossiers = events.filter((e) => e.kind === 'dossier');
    expect(() => batchOperation(Array.from({ length: maxEventsPerOperation + 1 }, () => dossiers[0]!))).toThrow(new RegExp(`1 to ${maxEventsPerOperation}`));
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
  // Three fields: two events, one, two (event indices in the operation's order).
  const fields = [
    { alias: 'f0', events: [0, 2] },
    { alias: 'f1', events: [1] },
    { alias: 'f2', events: [3, 4] },
  ];
  it('applies the events of the fields that have data, each with its own answer', () => {
    expect(outcomes(fields, 200, { data: { f0: [{ id: '1' }, { id: '3' }], f1: [{ id: '2' }], f2: [{ id: '4' }, { id: '5' }] } })).toEqual([
      { applied: true, data: { id: '1' } },
      { applied: true, data: { id: '2' } },
      { applied: true, data: { id: '3' } },
      { applied: true, data: { id: '4' } },
      { applied: true, data: { id: '5' } },
    ]);
  });

  it('when a field is refused for one item, that event is refused and its others are sent again; the fields before it ran, the ones after it are sent again', () => {
    const refused = { message: 'invalid argument "items[1].input.communeCode"', path: ['f2'], extensions: { code: 'BAD_USER_INPUT', argument: 'items[1].input.communeCode' } };
    const result = outcomes(fields, 200, { data: null, errors: [refused] });
    expect(result[0]).toEqual({ applied: true });
    expect(result[1]).toEqual({ applied: true });
    expect(result[2]).toEqual({ applied: true });
    expect(result[3]).toMatchObject({ applied: false, retry: true, innocent: true });
    expect(result[4]).toMatchObject({ applied: false, retry: false, failure: expect.stringContaining('BAD_USER_INPUT') });
    const first = outcomes(fields, 200, { data: null, errors: [{ ...refused, path: ['f0'], extensions: { code: 'BAD_USER_INPUT', argument: 'items[0].id' } }] });
    expect(first[0]).toMatchObject({ applied: false, retry: false });
    expect(first[2]).toMatchObject({ applied: false, retry: true, innocent: true });
    expect([first[1], first[3], first[4]].every((o) => !o!.applied && o!.retry && o!.innocent)).toBe(true);
  });

  it('retries every event when the subgraph is away or the gateway busy, not when it is forbidden', () => {
    const away = outcomes(fields, 200, { data: null, errors: [{ message: 'subgraph "egov" is unavailable: fetch failed', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }] });
    expect(away).toHaveLength(5);
    expect(away.every((o) => !o.applied && o.retry && !o.innocent)).toBe(true);
    expect(outcomes(fields, 429, { errors: [{ message: 'rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }] }).every((o) => !o.applied && o.retry)).toBe(true);
    expect(outcomes(fields, 502, {}).every((o) => !o.applied && o.retry)).toBe(true);
    const forbidden = outcomes(fields, 200, { data: null, errors: [{ message: 'forbidden', path: ['f0'], extensions: { code: 'FORBIDDEN' } }] });
    expect(forbidden[0]).toMatchObject({ applied: false, retry: false });
    expect(forbidden[2]).toMatchObject({ applied: false, retry: false });
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
