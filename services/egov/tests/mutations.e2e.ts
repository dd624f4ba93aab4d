import type { EventPayload, EventStream } from '@ioc/kit';
import { useSubgraphWithBus } from '@ioc/kit/testing';
import { describe, expect, inject, it } from 'vitest';
import { expectBadInput, expectOk, startEgov } from './support';

const harness = useSubgraphWithBus(() => startEgov(inject('postgresAdminUrl')));

/** The next event on a stream, or a failure after `ms`. */
async function next<T extends EventPayload>(stream: EventStream<T>, ms = 3000): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event')), ms));
  const result = await Promise.race([stream.next(), timeout]);
  return result.value as T;
}

const rows = async (table: string) => Number((await harness.subgraph.server.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

const receive = `mutation Receive($input: ReceiveDossierInput!) {
  receiveDossier(input: $input) { id status channel serviceLevel agencyId districtCode communeCode receivedAt dueAt resolvedAt overdue } }`;
const resolve = `mutation Resolve($id: ID!, $resolvedAt: String) { resolveDossier(id: $id, resolvedAt: $resolvedAt) { id status resolvedAt } }`;

async function serviceOf(level: number, authorityLevel: string): Promise<string> {
  const data = expectOk(
    await harness.subgraph.query('query($level: Int, $authority: UnitLevel) { onlineServices(level: $level, authorityLevel: $authority, first: 1) { nodes { id agencyId } } }', {
      level,
      authority: authorityLevel,
    }),
  );
  return data.onlineServices.nodes[0].id;
}

describe('dossier mutations', () => {
  it('receives a dossier, counts it at once, and publishes dossier.received with its id', async () => {
    const service = await serviceOf(4, 'COMMUNE');
    const stats = '{ administrativeUnit(code: "29263") { dossierStatistics(year: 2022) { received online } } }';
    const before = expectOk(await harness.subgraph.query(stats)).administrativeUnit.dossierStatistics;
    const events = await harness.bus.subscribe<{ id: string; communeCode: string }>('dossier.received');
    const data = expectOk(
      await harness.subgraph.query(receive, { input: { serviceId: service, communeCode: '29263', channel: 'ONLINE', receivedAt: '2022-12-30T09:15:00+07:00' } }),
    );
    const dossier = data.receiveDossier;
    expect(dossier).toMatchObject({ status: 'PROCESSING', channel: 'ONLINE', serviceLevel: 4, agencyId: 'ubnd-29263', districtCode: '842', communeCode: '29263', resolvedAt: null });
    expect(Number(dossier.id)).toBeGreaterThan(10_000_000);
    expect(dossier.receivedAt).toBe('2022-12-30T02:15:00.000Z');
    expect(Date.parse(dossier.dueAt)).toBeGreaterThan(Date.parse(dossier.receivedAt));
    expect(await next(events)).toMatchObject({ id: dossier.id, communeCode: '29263' });
    await events.return();
    // The cached drill-down was invalidated on commit: read-your-writes.
    const after = expectOk(await harness.subgraph.query(stats)).administrativeUnit.dossierStatistics;
    expect(after).toEqual({ received: before.received + 1, online: before.online + 1 });
  });

  it('resolves a dossier once, publishing dossier.resolved', async () => {
    const service = await serviceOf(3, 'PROVINCE');
    const created = expectOk(await harness.subgraph.query(receive, { input: { serviceId: service, communeCode: '29236', channel: 'IN_PERSON' } })).receiveDossier;
    expect(created.agencyId).not.toMatch(/^ubnd-/);
    const events = await harness.bus.subscribe<{ id: string }>('dossier.resolved');
    const resolved = expectOk(await harness.subgraph.query(resolve, { id: created.id })).resolveDossier;
    expect(resolved).toMatchObject({ id: created.id, status: 'RESOLVED' });
    expect(await next(events)).toMatchObject({ id: created.id });
    await events.return();
    const again = await harness.subgraph.query(resolve, { id: created.id });
    expectBadInput(again, 'id');
  });

  it('rejects invalid input naming the argument and writes nothing', async () => {
    const level2 = await serviceOf(2, 'DISTRICT');
    const before = await rows('dossier');
    const events = await harness.bus.subscribe('dossier.received');
    expectBadInput(await harness.subgraph.query(receive, { input: { serviceId: 'dvc-9999', communeCode: '29263', channel: 'IN_PERSON' } }), 'input.serviceId');
    expectBadInput(await harness.subgraph.query(receive, { input: { serviceId: level2, communeCode: '842', channel: 'IN_PERSON' } }), 'input.communeCode');
    expectBadInput(await harness.subgraph.query(receive, { input: { serviceId: level2, communeCode: '29263', channel: 'ONLINE' } }), 'input.channel');
    expectBadInput(await harness.subgraph.query(receive, { input: { serviceId: level2, communeCode: '29263', channel: 'IN_PERSON', receivedAt: 'yesterday' } }), 'input.receivedAt');
    expectBadInput(await harness.subgraph.query(receive, { input: { serviceId: level2, communeCode: '29263', channel: 'IN_PERSON', receivedAt: '2999-01-01T00:00:00Z' } }), 'input.receivedAt');
    expectBadInput(await harness.subgraph.query(resolve, { id: 'abc' }), 'id');
    expectBadInput(await harness.subgraph.query(resolve, { id: '999999999' }), 'id');
    const pending = expectOk(await harness.subgraph.query('{ dossiers(status: PROCESSING, first: 1) { nodes { id receivedAt } } }')).dossiers.nodes[0];
    expectBadInput(await harness.subgraph.query(resolve, { id: pending.id, resolvedAt: '2020-01-01T00:00:00Z' }), 'resolvedAt');
    expect(await rows('dossier')).toBe(before);
    expect(expectOk(await harness.subgraph.query('query($id: ID!) { dossier(id: $id) { status } }', { id: pending.id })).dossier.status).toBe('PROCESSING');
    await expect(next(events, 300)).rejects.toThrow('no event');
    await events.return();
  });

  it('refuses a caller without the right role', async () => {
    const result = await harness.subgraph.query(receive, { input: { serviceId: 'dvc-0001', communeCode: '29263', channel: 'IN_PERSON' } }, { role: 'ioc-viewer' });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('feedback mutation', () => {
  const receiveFeedback = `mutation Feedback($input: ReceiveFeedbackInput!) {
    receiveFeedback(input: $input) { id status agencyId districtCode citizenName citizenPhone } }`;
  const input = {
    title: 'Đèn đường hư hỏng',
    content: 'Đèn chiếu sáng trên đường Nguyễn Đáng không sáng.',
    category: 'INFRASTRUCTURE',
    channel: 'SMART_TRA_VINH',
    communeCode: '29263',
    citizenName: 'Thạch Thị Sa Rết',
    citizenPhone: '0912 345 678',
  };

  it('stores the feedback, serves it masked and publishes feedback.received', async () => {
    const events = await harness.bus.subscribe<{ id: string }>('feedback.received');
    // An admin (the default caller here) sees personal data in clear; every other role masked.
    const created = expectOk(await harness.subgraph.query(receiveFeedback, { input })).receiveFeedback;
    expect(created).toMatchObject({ status: 'RECEIVED', agencyId: 'ubnd-29263', districtCode: '842', citizenName: 'Thạch Thị Sa Rết', citizenPhone: '0912 345 678' });
    const asViewer = expectOk(await harness.subgraph.query('query Item($id: ID!) { feedbackItem(id: $id) { citizenName citizenPhone } }', { id: created.id }, { role: 'ioc-viewer' }));
    expect(asViewer.feedbackItem).toEqual({ citizenName: 'Thạch T. S. R**', citizenPhone: '09******78' });
    expect(await next(events)).toMatchObject({ id: created.id });
    await events.return();
    const stored = await harness.subgraph.server.db.query('SELECT citizen_name, citizen_phone FROM feedback WHERE id = $1', [created.id]);
    expect(stored[0]).toEqual({ citizen_name: 'Thạch Thị Sa Rết', citizen_phone: '0912 345 678' });
    const found = expectOk(await harness.subgraph.query('{ feedback(search: "den duong hu hong") { totalCount } }'));
    expect(found.feedback.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('rejects invalid input and writes nothing', async () => {
    const before = await rows('feedback');
    expectBadInput(await harness.subgraph.query(receiveFeedback, { input: { ...input, title: '   ' } }), 'input.title');
    expectBadInput(await harness.subgraph.query(receiveFeedback, { input: { ...input, citizenPhone: 'call me' } }), 'input.citizenPhone');
    expectBadInput(await harness.subgraph.query(receiveFeedback, { input: { ...input, communeCode: '845' } }), 'input.communeCode');
    expectBadInput(await harness.subgraph.query(receiveFeedback, { input: { ...input, agencyId: 'NOPE' } }), 'input.agencyId');
    expect(await rows('feedback')).toBe(before);
  });
});
