import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startInfrastructure, type InfrastructureHarness } from './support';
import { eventually, subgraphSocket, subscribe, untilLive } from '@ioc/kit/testing';

let infra: InfrastructureHarness;
const clients: Client[] = [];
const socket = () => {
  const client = subgraphSocket(infra.server.url);
  clients.push(client);
  return client;
};

const setStatus = 'mutation($id: String!, $status: BtsStatus!, $reason: String) { setBtsStatus(id: $id, status: $status, reason: $reason) { id status } }';
const flap = `mutation Flap($id: String!) {
  down: setBtsStatus(id: $id, status: DOWN, reason: "mất điện") { status }
  up: setBtsStatus(id: $id, status: UP) { status }
}`;
const setHealth = 'mutation($id: String!, $health: ServerHealth!) { setServerHealth(id: $id, health: $health) { id health } }';

interface BtsEvent {
  btsStatusChanged: { id: string; fromStatus: string; toStatus: string; reason: string | null; station: { id: string; districtCode: string; operatorId: string } };
}

beforeAll(async () => {
  infra = await startInfrastructure(inject('postgresAdminUrl'));
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await infra?.stop();
});

async function stationsOf(districtCode: string): Promise<Array<{ id: string; operatorId: string; technologies: string[] }>> {
  const result = await infra.query('query($d: String) { btsStations(districtCode: $d, first: 50) { nodes { id operatorId technologies } } }', { d: districtCode });
  return result.data.btsStations.nodes;
}

describe('btsStatusChanged', () => {
  it('delivers every change of a station once and in order, even two within one operation', async () => {
    const [station] = await stationsOf('842');
    const live = subscribe<BtsEvent>(socket(), 'subscription($d: String) { btsStatusChanged(districtCode: $d) { id fromStatus toStatus reason station { id districtCode operatorId } } }', { d: '842' });
    await untilLive(live, () => infra.query(flap, { id: station!.id }));
    await eventually(() => live.events.at(-1)!.btsStatusChanged.toStatus === 'UP');
    const before = live.events.length;
    await infra.query(flap, { id: station!.id });
    await live.waitFor(before + 2);
    expect(live.events.slice(before).map((event) => event.btsStatusChanged)).toEqual([
      expect.objectContaining({ fromStatus: 'UP', toStatus: 'DOWN', reason: 'mất điện', station: expect.objectContaining({ id: station!.id, districtCode: '842' }) }),
      expect.objectContaining({ fromStatus: 'DOWN', toStatus: 'UP', reason: null }),
    ]);
    const ids = live.events.map((event) => BigInt(event.btsStatusChanged.id));
    expect(new Set(ids).size).toBe(ids.length);
    live.stop();
  });

  it('keeps only the district, operator and status asked for, and refuses unknown ones', async () => {
    const [inside] = await stationsOf('842');
    const [outside] = await stationsOf('848');
    const live = subscribe<BtsEvent>(socket(), 'subscription($d: String, $o: String) { btsStatusChanged(districtCode: $d, operatorId: $o, status: DOWN) { toStatus station { id } } }', {
      d: '842',
      o: inside!.operatorId,
    });
    await untilLive(live, () => infra.query(flap, { id: inside!.id }));
    await infra.query(flap, { id: outside!.id });
    await infra.query(flap, { id: inside!.id });
    await eventually(() => live.events.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(live.events.every((event) => event.btsStatusChanged.toStatus === 'DOWN' && event.btsStatusChanged.station.id === inside!.id)).toBe(true);
    live.stop();

    for (const [variables, argument] of [[{ d: '999' }, 'districtCode'], [{ o: 'nope' }, 'operatorId']] as const) {
      const bad = subscribe(socket(), 'subscription($d: String, $o: String) { btsStatusChanged(districtCode: $d, operatorId: $o) { id } }', variables);
      await bad.completed;
      expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    }
  });
});

describe('serverHealthChanged', () => {
  it('delivers the server as it is after the change, filtered by kind and health', async () => {
    const live = subscribe<{ serverHealthChanged: { id: string; kind: string; health: string } }>(
      socket(),
      'subscription { serverHealthChanged(kind: VIRTUAL, health: CRITICAL) { id kind health } }',
    );
    let n = 0;
    await untilLive(live, async () => {
      await infra.query(setHealth, { id: 'vm-005', health: n++ % 2 ? 'HEALTHY' : 'CRITICAL' });
    });
    await infra.query(setHealth, { id: 'vm-005', health: 'HEALTHY' });
    await infra.query(setHealth, { id: 'host-05', health: 'CRITICAL' });
    await infra.query(setHealth, { id: 'vm-006', health: 'CRITICAL' });
    await eventually(() => live.events.some((event) => event.serverHealthChanged.id === 'vm-006'));
    expect(live.events.map((event) => event.serverHealthChanged)).toContainEqual({ id: 'vm-006', kind: 'VIRTUAL', health: 'CRITICAL' });
    expect(live.events.every((event) => event.serverHealthChanged.kind === 'VIRTUAL' && event.serverHealthChanged.health === 'CRITICAL')).toBe(true);
    await infra.query(setHealth, { id: 'host-05', health: 'HEALTHY' });
    await infra.query(setHealth, { id: 'vm-006', health: 'HEALTHY' });
    live.stop();
  });
});

describe('infrastructureIndicatorChanged', () => {
  it('reports 4G coverage when a commune\'s last LTE station goes down, and the data centre when a host fails', async () => {
    const commune = '29254';
    const lte = (await infra.query(`{ btsStations(communeCode: "${commune}", technology: LTE, first: 500) { nodes { id status } } }`)).data.btsStations.nodes as Array<{ id: string }>;
    const live = subscribe<{ infrastructureIndicatorChanged: { code: string; actual: number | null; status: string } }>(
      socket(),
      'subscription { infrastructureIndicatorChanged { code actual status } }',
    );
    await untilLive(live, () => infra.query(flap, { id: lte[0]!.id }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = live.events.length;
    for (const station of lte) await infra.query(setStatus, { id: station.id, status: 'DOWN' });
    await live.waitFor(before + lte.length);
    // The last one leaves the commune without 4G: 105 of 106 communes.
    expect(live.events.at(-1)!.infrastructureIndicatorChanged).toEqual({ code: 'communes4gCoverageShare', actual: 99.06, status: 'AT_RISK' });
    for (const station of lte) await infra.query(setStatus, { id: station.id, status: 'UP' });
    await live.waitFor(before + 2 * lte.length);
    expect(live.events.at(-1)!.infrastructureIndicatorChanged).toEqual({ code: 'communes4gCoverageShare', actual: 100, status: 'ON_TRACK' });

    // A degraded station is not down: coverage cannot move, nothing is announced.
    const count = live.events.length;
    await infra.query(setStatus, { id: lte[0]!.id, status: 'DEGRADED' });
    await infra.query(setHealth, { id: 'host-07', health: 'OFFLINE' });
    await eventually(() => live.events.length > count);
    expect(live.events.slice(count).map((event) => event.infrastructureIndicatorChanged)).toEqual([{ code: 'dataCentreOperational', actual: 0, status: expect.any(String) }]);
    await infra.query(setHealth, { id: 'host-07', health: 'HEALTHY' });
    await infra.query(setStatus, { id: lte[0]!.id, status: 'UP' });
    live.stop();
  });
});
