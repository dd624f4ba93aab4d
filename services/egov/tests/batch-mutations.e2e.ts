import { drainEvents, useSubgraphWithBus } from '@ioc/kit/testing';
import { describe, expect, inject, it } from 'vitest';
import { expectBadInput, expectOk, startEgov } from './support';

const harness = useSubgraphWithBus(() => startEgov(inject('postgresAdminUrl')));

const count = async (sql: string, params: unknown[] = []) => Number((await harness.subgraph.server.db.query(sql, params))[0].n);

const receiveMany = `mutation Receive($items: [ReceiveDossierItemInput!]!) { receiveDossiers(items: $items) { id status channel agencyId communeCode receivedAt dueAt synthetic } }`;
const resolveMany = `mutation Resolve($items: [ResolveDossierItemInput!]!) { resolveDossiers(items: $items) { id status resolvedAt } }`;
const feedbackMany = `mutation Feedback($inputs: [ReceiveFeedbackInput!]!) { receiveFeedbacks(inputs: $inputs) { id status agencyId communeCode } }`;

async function serviceOf(level: number): Promise<string> {
  const data = expectOk(await harness.subgraph.query('query($level: Int) { onlineServices(level: $level, first: 1) { nodes { id } } }', { level }));
  return data.onlineServices.nodes[0].id;
}

const communes = ['29263', '29236', '29263', '29236', '29263'];
const dossierItems = (serviceId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    input: { serviceId, communeCode: communes[i % communes.length]!, channel: i % 2 ? 'ONLINE' : 'IN_PERSON', receivedAt: `2026-11-${String(10 + (i % 10)).padStart(2, '0')}T09:00:00+07:00`, synthetic: true },
    applicant: i % 3 === 0 ? { fullName: `Nguyễn Văn ${i}` } : null,
  }));

describe('batch dossier mutations', () => {
  it('receives a batch in order, one dossier.received event and one audit entry per dossier, with the same SQL for 1 item as for 40', async () => {
    const service = await serviceOf(4);
    const auditsBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'receiveDossiers'`);
    const events = await harness.bus.subscribe<{ id: string; communeCode: string }>('dossier.received');
    harness.subgraph.resetQueries();
    expectOk(await harness.subgraph.query(receiveMany, { items: dossierItems(service, 1) }));
    const oneItem = harness.subgraph.queries.length;
    harness.subgraph.resetQueries();
    const items = dossierItems(service, 40);
    const dossiers = expectOk(await harness.subgraph.query(receiveMany, { items })).receiveDossiers;
    const fortyItems = harness.subgraph.queries.length;
    // Set-based: the statements do not grow with the batch (the applicants' insert is the only one an item may add).
    expect(fortyItems).toBeLessThanOrEqual(oneItem + 1);
    expect(dossiers).toHaveLength(40);
    dossiers.forEach((dossier: any, i: number) => {
      expect(dossier).toMatchObject({ status: 'PROCESSING', channel: items[i]!.input.channel, communeCode: items[i]!.input.communeCode, synthetic: true });
      expect(dossier.receivedAt).toBe(new Date(items[i]!.input.receivedAt).toISOString());
    });
    expect(new Set(dossiers.map((d: any) => d.id)).size).toBe(40);
    const received = (await drainEvents(events)).slice(1);
    await events.return();
    expect(received.map((e) => e.id)).toEqual(dossiers.map((d: any) => d.id));
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'receiveDossiers'`)).toBe(auditsBefore + 41);
    const audited = await count(`SELECT count(*) AS n FROM audit_log WHERE operation = 'receiveDossiers' AND target_ids && $1::text[]`, [dossiers.map((d: any) => d.id)]);
    expect(audited).toBe(40);
    const applicants = await count('SELECT count(*) AS n FROM dossier_applicant WHERE dossier_id = ANY($1::bigint[])', [dossiers.map((d: any) => d.id)]);
    expect(applicants).toBe(items.filter((i) => i.applicant).length);
    // Stored as answered.
    const stored = expectOk(await harness.subgraph.query('query($id: ID!) { dossier(id: $id) { id dueAt agencyId } }', { id: dossiers[7].id })).dossier;
    expect(stored).toEqual({ id: dossiers[7].id, dueAt: dossiers[7].dueAt, agencyId: dossiers[7].agencyId });
  });

  it('a bad item in the middle refuses the whole batch, naming the item; nothing of it is written or published', async () => {
    const service = await serviceOf(4);
    const before = await count('SELECT count(*) AS n FROM dossier');
    const auditsBefore = await count('SELECT count(*) AS n FROM audit_log');
    const events = await harness.bus.subscribe('dossier.received');
    const items = dossierItems(service, 9);
    items[4] = { ...items[4]!, input: { ...items[4]!.input, communeCode: '842' } };
    expectBadInput(await harness.subgraph.query(receiveMany, { items }), 'items[4].input.communeCode');
    items[4] = { ...items[4]!, input: { ...items[4]!.input, communeCode: '29263' }, applicant: { fullName: '   ' } };
    expectBadInput(await harness.subgraph.query(receiveMany, { items }), 'items[4].applicant.fullName');
    expectBadInput(await harness.subgraph.query(receiveMany, { items: [...dossierItems(service, 3), { input: { serviceId: 'dvc-9999', communeCode: '29263', channel: 'IN_PERSON' } }] }), 'items[3].input.serviceId');
    expect(await count('SELECT count(*) AS n FROM dossier')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditsBefore);
    expect(await drainEvents(events, 300)).toEqual([]);
    await events.return();
  });

  it('refuses an empty batch and one over the bound, and callers without the role', async () => {
    const service = await serviceOf(4);
    expectBadInput(await harness.subgraph.query(receiveMany, { items: [] }), 'items');
    const tooMany = await harness.subgraph.query(receiveMany, { items: dossierItems(service, 101) });
    expectBadInput(tooMany, 'items');
    expect(tooMany.errors?.[0]?.message).toMatch(/101 items; at most 100/);
    const viewer = await harness.subgraph.query(receiveMany, { items: dossierItems(service, 1) }, { role: 'ioc-viewer' });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves a batch, one dossier.resolved per dossier; a bad item (already resolved, twice in the call) refuses it all', async () => {
    const service = await serviceOf(4);
    const dossiers = expectOk(await harness.subgraph.query(receiveMany, { items: dossierItems(service, 6) })).receiveDossiers;
    const ids: string[] = dossiers.map((d: any) => d.id);
    const events = await harness.bus.subscribe<{ id: string }>('dossier.resolved');
    // The same id twice, then an unknown one: refused, nothing resolved.
    expectBadInput(await harness.subgraph.query(resolveMany, { items: [{ id: ids[0] }, { id: ids[1] }, { id: ids[0] }] }), 'items[2].id');
    expectBadInput(await harness.subgraph.query(resolveMany, { items: [{ id: ids[0] }, { id: '999999999' }] }), 'items[1].id');
    expectBadInput(await harness.subgraph.query(resolveMany, { items: [{ id: ids[0] }, { id: ids[1], resolvedAt: '2020-01-01T00:00:00Z' }] }), 'items[1].resolvedAt');
    expect(await count(`SELECT count(*) AS n FROM dossier WHERE id = ANY($1::bigint[]) AND status = 'RESOLVED'`, [ids])).toBe(0);
    const resolved = expectOk(await harness.subgraph.query(resolveMany, { items: ids.slice(0, 4).map((id) => ({ id, resolvedAt: '2026-11-25T10:00:00+07:00' })) })).resolveDossiers;
    expect(resolved.map((d: any) => [d.id, d.status, d.resolvedAt])).toEqual(ids.slice(0, 4).map((id) => [id, 'RESOLVED', '2026-11-25T03:00:00.000Z']));
    expect((await drainEvents(events)).map((e) => e.id)).toEqual(ids.slice(0, 4));
    expectBadInput(await harness.subgraph.query(resolveMany, { items: [{ id: ids[4] }, { id: ids[3] }] }), 'items[1].id');
    expect(await count(`SELECT count(*) AS n FROM dossier WHERE id = $1 AND status = 'RESOLVED'`, [ids[4]])).toBe(0);
    await events.return();
  });
});

describe('batch feedback mutation', () => {
  const input = (i: number) => ({
    title: `Phản ánh ${i}`,
    content: 'Đèn chiếu sáng không sáng.',
    category: 'INFRASTRUCTURE',
    channel: 'PORTAL',
    communeCode: communes[i % communes.length],
    citizenName: 'Thạch Thị Sa Rết',
    synthetic: true,
  });

  it('stores a batch in order with one feedback.received each; a bad item in the middle refuses it all, naming it', async () => {
    const events = await harness.bus.subscribe<{ id: string }>('feedback.received');
    const created = expectOk(await harness.subgraph.query(feedbackMany, { inputs: [0, 1, 2].map(input) })).receiveFeedbacks;
    expect(created.map((f: any) => [f.status, f.communeCode, f.agencyId])).toEqual([0, 1, 2].map((i) => ['RECEIVED', communes[i], `ubnd-${communes[i]}`]));
    expect((await drainEvents(events)).map((e) => e.id)).toEqual(created.map((f: any) => f.id));
    const before = await count('SELECT count(*) AS n FROM feedback');
    expectBadInput(await harness.subgraph.query(feedbackMany, { inputs: [input(0), { ...input(1), agencyId: 'NOPE' }, input(2)] }), 'inputs[1].agencyId');
    expectBadInput(await harness.subgraph.query(feedbackMany, { inputs: [input(0), input(1), { ...input(2), title: ' ' }] }), 'inputs[2].title');
    expect(await count('SELECT count(*) AS n FROM feedback')).toBe(before);
    expect(await drainEvents(events, 300)).toEqual([]);
    await events.return();
    const stored = await count(`SELECT count(*) AS n FROM feedback WHERE id = ANY($1::bigint[]) AND synthetic`, [created.map((f: any) => f.id)]);
    expect(stored).toBe(3);
  });
});
