import { describe, expect, inject, it } from 'vitest';
import { drainEvents, useSubgraphWithBus } from '@ioc/kit/testing';
import { startInfrastructure } from './support';

const harness = useSubgraphWithBus(() => startInfrastructure(inject('postgresAdminUrl')));

const sql = (text: string, params: unknown[] = []) => harness.subgraph.server.db.query(text, params);
const expectBadInput = (result: { errors?: Array<{ extensions?: Record<string, any> }> }, argument: string) =>
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });

const setStatuses = 'mutation($items: [BtsStatusReportInput!]!) { setBtsStatuses(items: $items) { id status } }';
const setHealth = 'mutation($items: [ServerHealthReportInput!]!) { setServersHealth(items: $items) { id health } }';

describe('setBtsStatuses', () => {
  it('applies reports in order (down and back up in one call: two changes), one event per change, one audit entry per report', async () => {
    const stations: string[] = (await sql(`SELECT id FROM bts_station WHERE status = 'UP' ORDER BY id LIMIT 3`)).map((r: { id: string }) => r.id);
    const [a, b, c] = stations as [string, string, string];
    const events = await harness.bus.subscribe<{ id: string }>('bts.status-changed');
    const audits = Number((await sql(`SELECT count(*) AS n FROM audit_log WHERE operation = 'setBtsStatuses'`))[0].n);
    const items = [
      { id: a, status: 'DOWN', reason: 'Mất điện lưới' },
      { id: b, status: 'DEGRADED' },
      { id: a, status: 'UP', reason: 'Đã khắc phục' },
      { id: c, status: 'UP' },
    ];
    const result = await harness.subgraph.query(setStatuses, { items });
    expect(result.errors).toBeUndefined();
    expect(result.data.setBtsStatuses).toEqual([
      { id: a, status: 'DOWN' },
      { id: b, status: 'DEGRADED' },
      { id: a, status: 'UP' },
      { id: c, status: 'UP' },
    ]);
    expect((await drainEvents(events)).map((e) => e.id)).toEqual([a, b, a]);
    await events.return();
    const history = await sql('SELECT station_id, from_status, to_status, reason FROM bts_status_change WHERE station_id = ANY($1) ORDER BY id', [[a, b, c]]);
    expect(history.slice(-3)).toEqual([
      { station_id: a, from_status: 'UP', to_status: 'DOWN', reason: 'Mất điện lưới' },
      { station_id: b, from_status: 'UP', to_status: 'DEGRADED', reason: null },
      { station_id: a, from_status: 'DOWN', to_status: 'UP', reason: 'Đã khắc phục' },
    ]);
    expect((await sql('SELECT id, status FROM bts_station WHERE id = ANY($1) ORDER BY id', [[a, b]])).map((r: { status: string }) => r.status)).toEqual([a, b].sort().map((id) => (id === a ? 'UP' : 'DEGRADED')));
    const logged = await sql(`SELECT target_ids, detail FROM audit_log WHERE operation = 'setBtsStatuses' ORDER BY id`);
    expect(logged.length).toBe(audits + 4);
    expect(logged.slice(-4).map((r: { target_ids: string[] }) => r.target_ids[0])).toEqual([a, b, a, c]);
    expect(logged.at(-1).detail).toEqual({ unchanged: true });
  });

  it('a bad item in the middle refuses the whole call, naming it; nothing is written or published', async () => {
    const [a, b] = (await sql(`SELECT id FROM bts_station WHERE status = 'UP' ORDER BY id DESC LIMIT 2`)).map((r: { id: string }) => r.id);
    const changes = Number((await sql('SELECT count(*) AS n FROM bts_status_change'))[0].n);
    const events = await harness.bus.subscribe('bts.status-changed');
    expectBadInput(await harness.subgraph.query(setStatuses, { items: [{ id: a, status: 'DOWN' }, { id: 'BTS-NOPE', status: 'DOWN' }, { id: b, status: 'DOWN' }] }), 'items[1].id');
    expectBadInput(await harness.subgraph.query(setStatuses, { items: [{ id: a, status: 'DOWN' }, { id: b, status: 'DOWN', reason: 'x'.repeat(501) }] }), 'items[1].reason');
    expectBadInput(await harness.subgraph.query(setStatuses, { items: [] }), 'items');
    const tooMany = await harness.subgraph.query(setStatuses, { items: Array.from({ length: 201 }, () => ({ id: a, status: 'UP' })) });
    expectBadInput(tooMany, 'items');
    expect(Number((await sql('SELECT count(*) AS n FROM bts_status_change'))[0].n)).toBe(changes);
    expect((await sql(`SELECT count(*) AS n FROM bts_station WHERE id = ANY($1) AND status = 'UP'`, [[a, b]]))[0].n).toBe('2');
    expect(await drainEvents(events, 300)).toEqual([]);
    await events.return();
  });
});

describe('setServersHealth', () => {
  it('applies reports in order with one event per change; a retired or unknown server refuses the call, naming the item', async () => {
    const events = await harness.bus.subscribe<{ id: string }>('server.health-changed');
    const result = await harness.subgraph.query(setHealth, { items: [{ id: "vm-001", health: "WARNING" }, { id: 'vm-002', health: 'CRITICAL' }, { id: 'vm-001', health: 'HEALTHY' }] });
    expect(result.errors).toBeUndefined();
    expect(result.data.setServersHealth).toEqual([
      { id: 'vm-001', health: 'WARNING' },
      { id: 'vm-002', health: 'CRITICAL' },
      { id: 'vm-001', health: 'HEALTHY' },
    ]);
    expect((await drainEvents(events)).map((e) => e.id)).toEqual(['vm-001', 'vm-002', 'vm-001']);
    expectBadInput(await harness.subgraph.query(setHealth, { items: [{ id: 'vm-002', health: 'HEALTHY' }, { id: 'vm-999', health: 'HEALTHY' }] }), 'items[1].id');
    expect((await sql(`SELECT health FROM server WHERE id = 'vm-002'`))[0].health).toBe('CRITICAL');
    expect(await drainEvents(events, 300)).toEqual([]);
    await events.return();
  });
});

describe('servers added and retired by the ingest role (the feed)', () => {
  const ingest = { role: 'ingest' as const, subject: 'feed' };
  const add = (synthetic: boolean | null, ipv4: string) =>
    harness.subgraph.query(`mutation($input: AddServerInput!) { addServer(input: $input) { id } }`, { input: { kind: 'VIRTUAL', hostId: 'host-12', cpuCores: 1, memoryGb: 1, diskGb: 10, ipv4, ...(synthetic === null ? {} : { synthetic }) } }, ingest);
  const retire = (id: string, caller: object = ingest) => harness.subgraph.query(`mutation($id: String!) { retireServer(id: $id) { id } }`, { id }, caller);

  it('adds a server only marked synthetic, audited as the ingest caller, and retires only a synthetic server an ingest caller added', async () => {
    const active = async () => Number((await sql(`SELECT count(*) AS n FROM server WHERE status = 'ACTIVE'`))[0].n);
    const before = await active();
    for (const synthetic of [null, false]) {
      const refused = await add(synthetic, '10.254.99.1');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/synthetic: true/);
    }
    expect(await active()).toBe(before);
    const added = await add(true, '10.254.99.2');
    expect(added.errors).toBeUndefined();
    const id: string = added.data.addServer.id;
    expect((await sql('SELECT synthetic FROM server WHERE id = $1', [id]))[0].synthetic).toBe(true);
    expect((await sql(`SELECT role, subject FROM audit_log WHERE operation = 'addServer' AND target_ids @> ARRAY[$1]::text[]`, [id]))[0]).toEqual({ role: 'ingest', subject: 'feed' });

    // A real server, and a seeded one (generated, marked synthetic, but not the feed's): refused, still active.
    const real = await harness.subgraph.query(`mutation { addServer(input: { kind: VIRTUAL, hostId: "host-12", cpuCores: 1, memoryGb: 1, diskGb: 10, ipv4: "10.99.0.3" }) { id } }`);
    expect(real.errors).toBeUndefined();
    for (const other of [real.data.addServer.id as string, 'vm-001']) {
      const refused = await retire(other);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain(`"${other}" is not one (only admins retire real servers)`);
      expect((await sql('SELECT status FROM server WHERE id = $1', [other]))[0].status).toBe('ACTIVE');
    }
    expect((await retire(id)).errors).toBeUndefined();
    expect((await sql('SELECT status FROM server WHERE id = $1', [id]))[0].status).toBe('RETIRED');
    expect((await sql(`SELECT role FROM audit_log WHERE operation = 'retireServer' AND target_ids @> ARRAY[$1]::text[]`, [id]))[0].role).toBe('ingest');
    // Admins still retire any server.
    expect((await retire(real.data.addServer.id, { role: 'admin' })).errors).toBeUndefined();
    expect(await active()).toBe(before);
  });
});

describe('what an ingest caller may put into service (the feed\'s shape only)', () => {
  const ingest = { role: 'ingest' as const, subject: 'feed' };
  const feedVm = { kind: 'VIRTUAL', hostId: 'host-12', cpuCores: 1, memoryGb: 2, diskGb: 20, systemIds: [] as string[], synthetic: true };
  const add = (input: Record<string, unknown>, caller: object = ingest) =>
    harness.subgraph.query(`mutation($input: AddServerInput!) { addServer(input: $input) { id } }`, { input }, caller);
  const active = async () => Number((await sql(`SELECT count(*) AS n FROM server WHERE status = 'ACTIVE'`))[0].n);

  it('refuses a physical host, systems, a chosen name or IPv6, an address off 10.254/16 and a big VM, naming the argument; an admin may', async () => {
    const before = await active();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'PHYSICAL', hostId: undefined, cpuCores: 2, memoryGb: 4, diskGb: 50, ipv4: '10.254.97.1' }, 'input.kind must be VIRTUAL'],
      [{ ipv4: '10.254.97.2', systemIds: ['sys-dvc'] }, 'input.systemIds must be empty'],
      [{ ipv4: '10.254.97.3', hostname: 'portal.travinh.gov.vn' }, 'input.hostname'],
      [{ ipv4: '10.254.97.4', ipv6: '2001:db8::4' }, 'input.ipv6'],
      [{ ipv4: '10.20.0.9' }, 'input.ipv4 must be in 10.254.0.0/16 for the ingest role, got 10.20.0.9'],
      [{ ipv4: '10.254.97.5', cpuCores: 3 }, 'input.cpuCores must be at most 2'],
      [{ ipv4: '10.254.97.6', memoryGb: 5 }, 'input.memoryGb must be at most 4'],
      [{ ipv4: '10.254.97.7', diskGb: 51 }, 'input.diskGb must be at most 50'],
    ];
    for (const [change, message] of cases) {
      const refused = await add({ ...feedVm, ...change });
      expect(refused.errors?.[0]?.extensions?.code, message).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain(message);
    }
    expect(await active()).toBe(before);
    const admins = await add({ ...feedVm, ipv4: '10.20.0.9', cpuCores: 4, synthetic: false }, { role: 'admin' });
    expect(admins.errors).toBeUndefined();
    expect((await harness.subgraph.query(`mutation($id: String!) { retireServer(id: $id) { id } }`, { id: admins.data.addServer.id }, { role: 'admin' })).errors).toBeUndefined();
  });

  it('keeps at most 20 of the ingest role\'s servers in service at once; retiring one makes room', async () => {
    const inService = async () => Number((await harness.subgraph.query(`{ serversAddedByIngest { totalCount } }`, {}, ingest)).data.serversAddedByIngest.totalCount);
    // Spread over the hosts, as the feed does, so no host runs out of room first.
    const hosts = (await sql(`SELECT id FROM server WHERE kind = 'PHYSICAL' AND status = 'ACTIVE' ORDER BY id`)).map((row: { id: string }) => row.id);
    const added: string[] = [];
    for (let i = 1; (await inService()) < 20; i++) {
      const result = await add({ ...feedVm, hostId: hosts[i % hosts.length], ipv4: `10.254.96.${i}` });
      expect(result.errors).toBeUndefined();
      added.push(result.data.addServer.id);
    }
    const refused = await add({ ...feedVm, hostId: hosts[0], ipv4: '10.254.96.200' });
    expect(refused.errors?.[0]?.message).toContain('allows 20 of its servers in service at once; 20 are');
    const retire = (id: string) => harness.subgraph.query(`mutation($id: String!) { retireServer(id: $id) { id } }`, { id }, ingest);
    expect((await retire(added[0]!)).errors).toBeUndefined();
    const again = await add({ ...feedVm, hostId: hosts[0], ipv4: '10.254.96.200' });
    expect(again.errors).toBeUndefined();
    for (const id of [...added.slice(1), again.data.addServer.id as string]) expect((await retire(id)).errors).toBeUndefined();
  });
});

describe('serversAddedByIngest (what a feed left in service)', () => {
  const ingest = { role: 'ingest' as const, subject: 'feed' };
  const add = async (ipv4: string, caller: object) => {
    const added = await harness.subgraph.query(`mutation($input: AddServerInput!) { addServer(input: $input) { id } }`, { input: { kind: 'VIRTUAL', hostId: 'host-12', cpuCores: 1, memoryGb: 1, diskGb: 10, ipv4, synthetic: true } }, caller);
    expect(added.errors).toBeUndefined();
    return added.data.addServer.id as string;
  };
  const list = async (args = '', caller: object = ingest) => {
    const result = await harness.subgraph.query(`{ serversAddedByIngest${args} { totalCount nodes { id } } }`, {}, caller);
    expect(result.errors).toBeUndefined();
    return (result.data.serversAddedByIngest.nodes as Array<{ id: string }>).map((n) => n.id);
  };

  it('lists the active synthetic servers an ingest caller added, not an admin\'s nor the seeded ones, ids only for the ingest role', async () => {
    const before = await list();
    const mine = [await add('10.254.98.1', ingest), await add('10.254.98.2', ingest)];
    const admins = await add('10.254.98.3', { role: 'admin' });
    expect(await list()).toEqual([...before, ...mine].sort());
    expect(await list('', { role: 'admin' })).toEqual([...before, ...mine].sort());
    expect((await harness.subgraph.query(`mutation($id: String!) { retireServer(id: $id) { id } }`, { id: mine[0] }, ingest)).errors).toBeUndefined();
    expect(await list()).toEqual([...before, mine[1]!].sort());
    expect(await list('(status: null)')).toEqual(expect.arrayContaining(mine));
    expect(await list('(status: null)')).not.toContain(admins);
    expect(await list('(status: null)')).not.toContain('vm-001');
    // The ingest role reads the ids, not what the data centre's servers are; the dashboard roles may not list them.
    const hostname = await harness.subgraph.query(`{ serversAddedByIngest { nodes { id hostname } } }`, {}, ingest);
    expect(hostname.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viewer = await harness.subgraph.query(`{ serversAddedByIngest { totalCount } }`, {}, { role: 'ioc-viewer' });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const id of [mine[1]!, admins]) expect((await harness.subgraph.query(`mutation($id: String!) { retireServer(id: $id) { id } }`, { id }, { role: 'admin' })).errors).toBeUndefined();
  });
});
