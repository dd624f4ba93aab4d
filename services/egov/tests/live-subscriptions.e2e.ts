import type { Client } from 'graphql-ws';
import type { Principal } from '@ioc/kit';
import type { TestSubgraph } from '@ioc/kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectOk, startEgov } from './support';
import { eventually, subgraphSocket, subscribe, untilLive } from '@ioc/kit/testing';

let egov: TestSubgraph;
const clients: Client[] = [];
const socket = (caller: Partial<Principal> = {}) => {
  const client = subgraphSocket(egov.server.url, caller);
  clients.push(client);
  return client;
};

const receive = 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id agencyId districtCode } }';
const resolve = 'mutation($id: ID!) { resolveDossier(id: $id) { id } }';
const receiveFeedback = 'mutation($input: ReceiveFeedbackInput!) { receiveFeedback(input: $input) { id } }';

/** A level-4 provincial service (its dossiers are handled by the department) and communes in two districts. */
const service = 'dvc-0001';
const inDistrict842 = '29263';
const inDistrict849 = '29473';

const receiveIn = async (communeCode: string, channel = 'IN_PERSON') =>
  expectOk(await egov.query(receive, { input: { serviceId: service, communeCode, channel } })).receiveDossier as { id: string; agencyId: string; districtCode: string };

beforeAll(async () => {
  egov = await startEgov(inject('postgresAdminUrl'));
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await egov?.stop();
});

describe('dossier streams', () => {
  it('dossierReceived keeps only the district asked for', async () => {
    expect((await receiveIn(inDistrict849)).districtCode).not.toBe('842');
    const live = subscribe<{ dossierReceived: { id: string; districtCode: string; channel: string; agency: { id: string } } }>(
      socket(),
      'subscription($d: String) { dossierReceived(districtCode: $d) { id districtCode channel agency { id } } }',
      { d: '842' },
    );
    await untilLive(live, () => receiveIn(inDistrict842));
    const outside = await receiveIn(inDistrict849);
    const inside = await receiveIn(inDistrict842, 'ONLINE');
    await eventually(() => live.events.some((event) => event.dossierReceived.id === inside.id));
    expect(live.events.find((event) => event.dossierReceived.id === inside.id)!.dossierReceived).toEqual({ id: inside.id, districtCode: '842', channel: 'ONLINE', agency: { id: inside.agencyId } });
    expect(live.events.map((event) => event.dossierReceived.id)).not.toContain(outside.id);
    live.stop();
  });

  it('dossierResolved delivers resolutions, not receipts', async () => {
    const live = subscribe<{ dossierResolved: { id: string; status: string; resolvedAt: string | null } }>(socket(), 'subscription { dossierResolved { id status resolvedAt } }');
    await untilLive(live, async () => egov.query(resolve, { id: (await receiveIn(inDistrict842)).id }));
    const pending = await receiveIn(inDistrict842);
    const done = await receiveIn(inDistrict842);
    await egov.query(resolve, { id: done.id });
    await eventually(() => live.events.some((event) => event.dossierResolved.id === done.id));
    expect(live.events.every((event) => event.dossierResolved.status === 'RESOLVED' && event.dossierResolved.resolvedAt)).toBe(true);
    expect(live.events.map((event) => event.dossierResolved.id)).not.toContain(pending.id);
    live.stop();
  });

  it('limits an agency client to the dossiers its agency handles', async () => {
    const { agencyId } = await receiveIn(inDistrict842);
    const refused = subscribe(socket({ role: 'agency-client', agencyId }), 'subscription { dossierReceived(agencyId: "ubnd-842") { id } }');
    await refused.completed;
    expect(refused.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const live = subscribe<{ dossierReceived: { id: string; agencyId: string } }>(socket({ role: 'agency-client', agencyId }), 'subscription { dossierReceived { id agencyId } }');
    await untilLive(live, () => receiveIn(inDistrict842));
    const other = expectOk(await egov.query(receive, { input: { serviceId: 'dvc-0006', communeCode: inDistrict842, channel: 'IN_PERSON' } })).receiveDossier;
    expect(other.agencyId).not.toBe(agencyId);
    const own = await receiveIn(inDistrict849);
    await eventually(() => live.events.some((event) => event.dossierReceived.id === own.id));
    expect(live.events.every((event) => event.dossierReceived.agencyId === agencyId)).toBe(true);
    live.stop();
  });
});

describe('feedbackReceived', () => {
  it('serves personal data as queries do: masked for a dashboard viewer', async () => {
    const input = {
      title: 'Ngập nước đường Lê Lợi',
      content: 'Mưa lớn gây ngập, đề nghị khơi thông cống.',
      category: 'INFRASTRUCTURE',
      channel: 'SMART_TRA_VINH',
      communeCode: inDistrict842,
      citizenName: 'Trần Thị Bích',
      citizenPhone: '0987654321',
    };
    const viewer = { role: 'ioc-viewer' as const };
    const live = subscribe<{ feedbackReceived: { id: string; citizenName: string; citizenPhone: string; category: string } }>(
      socket(viewer),
      'subscription { feedbackReceived(districtCode: "842", category: INFRASTRUCTURE) { id citizenName citizenPhone category } }',
    );
    await untilLive(live, () => egov.query(receiveFeedback, { input }));
    await egov.query(receiveFeedback, { input: { ...input, category: 'HEALTH', title: 'Khác' } });
    const { id } = expectOk(await egov.query(receiveFeedback, { input })).receiveFeedback;
    await eventually(() => live.events.some((event) => event.feedbackReceived.id === id));
    expect(live.events.every((event) => event.feedbackReceived.category === 'INFRASTRUCTURE')).toBe(true);
    const event = live.events.find((item) => item.feedbackReceived.id === id)!.feedbackReceived;
    expect(event.citizenName).not.toContain('Bích');
    expect(event.citizenPhone).not.toContain('654');
    const queried = expectOk(await egov.query('query($id: ID!) { feedbackItem(id: $id) { id citizenName citizenPhone category } }', { id }, viewer)).feedbackItem;
    expect(event).toEqual(queried);
    live.stop();
  });
});

describe('digitalGovernmentIndicatorChanged', () => {
  it('delivers the online-dossier share as it is after a dossier is received, and refuses an unknown domain', async () => {
    const share = async () =>
      (expectOk(await egov.query('{ province(code: "84") { digitalGovernment { indicators { code actual } } } }')).province.digitalGovernment.indicators as Array<{ code: string; actual: number }>)
        .find((indicator) => indicator.code === 'dossiersOnlineShare')!.actual;
    const live = subscribe<{ digitalGovernmentIndicatorChanged: { code: string; actual: number } }>(
      socket(),
      'subscription { digitalGovernmentIndicatorChanged(domain: "DIGITAL_GOVERNMENT") { code actual } }',
    );
    await untilLive(live, () => receiveIn(inDistrict842));
    const before = live.events.length;
    await receiveIn(inDistrict842, 'ONLINE');
    await live.waitFor(before + 2);
    const moved = live.events.slice(before).map((event) => event.digitalGovernmentIndicatorChanged);
    expect(moved.map((indicator) => indicator.code).sort()).toEqual(['dossiersOnlineShare', 'proceduresWithOnlineDossiersShare']);
    expect(moved.find((indicator) => indicator.code === 'dossiersOnlineShare')!.actual).toBe(await share());
    live.stop();

    const bad = subscribe(socket(), 'subscription { digitalGovernmentIndicatorChanged(domain: "SECURITY") { code } }');
    await bad.completed;
    expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'domain' } });
  });
});
