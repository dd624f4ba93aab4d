import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foldVietnamese } from '@ioc/kit';
import { startInfrastructure, type InfrastructureHarness } from './support';

let infra: InfrastructureHarness;
beforeAll(async () => {
  infra = await startInfrastructure(inject('postgresAdminUrl'));
});
afterAll(async () => infra?.stop());

const total = async (field: string, args = '') => {
  const result = await infra.query(`{ ${field}${args ? `(${args})` : ''} { totalCount } }`);
  expect(result.errors).toBeUndefined();
  return result.data[field].totalCount as number;
};

async function expectBadInput(query: string, argument: string, variables?: Record<string, unknown>) {
  const result = await infra.query(query, variables);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  return result;
}

async function countRows(table: string): Promise<number> {
  const [row] = await infra.server.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}

/** The next event on a topic, or a timeout. */
async function nextEvent(topic: string, act: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const stream = await infra.server.bus.subscribe(topic);
  try {
    await act();
    const next = await Promise.race([
      stream.next(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${topic} event`)), 5000)),
    ]);
    return next.value as Record<string, unknown>;
  } finally {
    await stream.return();
  }
}

describe('the plan\'s figures, counted from rows', () => {
  it('telecom operators and BTS stations', async () => {
    expect(await total('telecomOperators', 'kind: TELECOM')).toBe(6);
    expect(await total('telecomOperators')).toBe(7);
    expect(await total('telecomOperators', 'service: MOBILE')).toBe(5);
    expect(await total('btsStations')).toBe(1208);
    expect(await total('btsStations', 'technology: LTE')).toBe(1041);
  });

  it('data centre, networks, certificates and postal points', async () => {
    expect(await total('servers')).toBe(171);
    expect(await total('servers', 'kind: PHYSICAL')).toBe(31);
    expect(await total('servers', 'kind: VIRTUAL')).toBe(140);
    expect(await total('networkConnections', 'status: CONNECTED')).toBe(150);
    expect(await total('networkConnections', 'sector: PARTY')).toBe(16);
    expect(await total('networkConnections', 'sector: STATE, level: PROVINCE')).toBe(19);
    expect(await total('networkConnections', 'level: DISTRICT')).toBe(9);
    expect(await total('networkConnections', 'level: COMMUNE')).toBe(106);
    expect(await total('securedLans')).toBe(133);
    expect(await total('securedLans', 'level: PROVINCE')).toBe(18);
    expect(await total('certificates', 'status: ACTIVE')).toBe(2582);
    expect(await total('certificates', 'status: ACTIVE, kind: ORGANIZATION')).toBe(479);
    expect(await total('certificates', 'status: ACTIVE, kind: PERSONAL')).toBe(2103);
    expect(await total('certificates', 'status: ACTIVE, kind: PERSONAL, medium: USB_TOKEN')).toBe(2029);
    expect(await total('certificates', 'status: ACTIVE, medium: SIM_PKI')).toBe(74);
    expect(await total('certificates', 'status: REVOKED')).toBe(139);
    expect(await total('certificates', 'status: ACTIVE, issuedFrom: "2022-01-01", issuedTo: "2022-12-31"')).toBe(362);
    expect(await total('postalPoints')).toBe(247);
    expect(await total('postalPoints', 'kind: POST_OFFICE')).toBe(47);
    expect(await total('postalPoints', 'kind: COMMUNE_POST_CULTURE')).toBe(84);
    expect(await total('postalPoints', 'kind: OTHER')).toBe(116);
  });

  it('the province summary: 86.18% LTE, every commune with 4G, 85/85 rural communes with a postal point', async () => {
    const result = await infra.query(`{ _entities(representations: [{ __typename: "Province", code: "84" }]) {
      ... on Province { infrastructure { btsStations lteStations lteShare communes communesWithLte ruralCommunes ruralCommunesWithPostalPoint
        indicators { code actual status } } } } }`);
    expect(result.errors).toBeUndefined();
    const summary = result.data._entities[0].infrastructure;
    expect(summary).toMatchObject({ btsStations: 1208, lteStations: 1041, lteShare: 86.18, communes: 106, communesWithLte: 106, ruralCommunes: 85, ruralCommunesWithPostalPoint: 85 });
    expect(summary.indicators).toContainEqual({ code: 'communes4gCoverageShare', actual: 100, status: 'ON_TRACK' });
  });
});

describe('BTS lists', () => {
  it('a district filter covers its communes, and only them', async () => {
    const query = `query($d: String, $c: String) { btsStations(districtCode: $d, communeCode: $c, first: 500) { totalCount nodes { districtCode communeCode } } }`;
    const district = await infra.query(query, { d: '844' });
    expect(district.errors).toBeUndefined();
    const { totalCount, nodes } = district.data.btsStations;
    expect(nodes.every((node: { districtCode: string }) => node.districtCode === '844')).toBe(true);
    const communes = [...new Set(nodes.map((node: { communeCode: string }) => node.communeCode))] as string[];
    expect(communes.length).toBe(14);
    let sum = 0;
    for (const code of communes) sum += (await infra.query(query, { c: code })).data.btsStations.totalCount;
    expect(sum).toBe(totalCount);
    expect(totalCount).toBeLessThan(1208);
  });

  it('filters by operator, status and technology together', async () => {
    const all = await total('btsStations', 'operatorId: "viettel"');
    const lte = await total('btsStations', 'operatorId: "viettel", technology: LTE');
    const up = await total('btsStations', 'operatorId: "viettel", technology: LTE, status: UP');
    expect(all).toBeGreaterThan(lte);
    expect(lte).toBeGreaterThanOrEqual(up);
    expect(up).toBeGreaterThan(0);
    const result = await infra.query('{ btsStations(operatorId: "viettel", technology: GSM, first: 500) { nodes { technologies operator { id } } } }');
    expect(result.data.btsStations.nodes.every((n: { technologies: string[]; operator: { id: string } }) => n.technologies.includes('GSM') && n.operator.id === 'viettel')).toBe(true);
  });

  it('pages with cursors and sorts', async () => {
    const page = (after?: string) =>
      infra.query('query($after: String) { btsStations(first: 100, after: $after, sort: NAME_DESC) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }', { after });
    const first = (await page()).data.btsStations;
    const second = (await page(first.pageInfo.endCursor)).data.btsStations;
    expect(first.nodes).toHaveLength(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.nodes.map((n: { id: string }) => n.id)).not.toContain(first.nodes[0].id);
    const names = [...first.nodes, ...second.nodes].map((n: { name: string }) => n.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const last = await infra.query('{ btsStations(first: 500, after: "bzoxMTk5") { pageInfo { hasNextPage } nodes { id } } }');
    expect(last.data.btsStations).toEqual({ pageInfo: { hasNextPage: false }, nodes: [{ id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }, { id: expect.any(String) }] });
  });

  it('searches without accents', async () => {
    const sample = (await infra.query('{ btsStations(communeCode: "29254", first: 1) { nodes { name } } }')).data.btsStations.nodes[0].name as string;
    expect(sample).not.toBe(foldVietnamese(sample));
    const commune = sample.split(' ').slice(1, -1).join(' ');
    const accented = await total('btsStations', `search: ${JSON.stringify(commune)}`);
    const folded = await total('btsStations', `search: ${JSON.stringify(foldVietnamese(commune).toUpperCase())}`);
    expect(folded).toBe(accented);
    expect(folded).toBeGreaterThan(0);
    expect(await total('networkConnections', 'search: "so thong tin va truyen thong"')).toBe(1);
  });

  it('rejects invalid arguments by name', async () => {
    await expectBadInput('{ btsStations(districtCode: "99") { totalCount } }', 'districtCode');
    await expectBadInput('{ btsStations(communeCode: "844") { totalCount } }', 'communeCode');
    await expectBadInput('{ btsStations(operatorId: "nope") { totalCount } }', 'operatorId');
    await expectBadInput('{ btsStations(first: 501) { totalCount } }', 'first');
    await expectBadInput('{ btsStations(after: "garbage") { totalCount } }', 'after');
    await expectBadInput('{ certificates(issuedFrom: "2022-13-01") { totalCount } }', 'issuedFrom');
    await expectBadInput('{ certificates(issuedFrom: "2022-06-01", issuedTo: "2022-01-01") { totalCount } }', 'issuedTo');
    await expectBadInput('{ servers(hostId: "vm-001") { totalCount } }', 'hostId');
    await expectBadInput('{ networkConnections(districtCode: "29236") { totalCount } }', 'districtCode');
  });
});

describe('federation', () => {
  it('resolves Server, BtsStation and TelecomOperator references with one SQL query per type per _entities call', async () => {
    const representations = [
      ...['host-01', 'vm-001', 'vm-002', 'vm-140', 'host-31', 'nope'].map((id) => ({ __typename: 'Server', id })),
      ...['bts-0001', 'bts-0500', 'bts-1208', 'bts-9999'].map((id) => ({ __typename: 'BtsStation', id })),
      ...['viettel', 'vnpt'].map((id) => ({ __typename: 'TelecomOperator', id })),
    ];
    infra.queries.length = 0;
    const result = await infra.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Server { id kind } ... on BtsStation { id status } ... on TelecomOperator { id name } } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([
      'host-01', 'vm-001', 'vm-002', 'vm-140', 'host-31', null, 'bts-0001', 'bts-0500', 'bts-1208', null, 'viettel', 'vnpt',
    ]);
    const selects = infra.queries.filter((sql) => /^\s*SELECT/i.test(sql));
    const from = (table: string) => selects.filter((sql) => new RegExp(`FROM ("infrastructure"\\.)?"${table}"`).test(sql));
    expect(from('server')).toHaveLength(1);
    expect(from('bts_station')).toHaveLength(1);
    expect(from('telecom_operator')).toHaveLength(1);
    expect(selects).toHaveLength(3);
  });

  it('extends units, agencies and systems', async () => {
    const result = await infra.query(`{ _entities(representations: [
        { __typename: "AdministrativeUnit", code: "84" }, { __typename: "AdministrativeUnit", code: "844" },
        { __typename: "Agency", id: "STTTT" }, { __typename: "Agency", id: "TU" },
        { __typename: "InformationSystem", id: "public-service-portal" }]) {
      ... on AdministrativeUnit { code fibreBroadband lteCoverage { communes communesCovered covered } btsStations(first: 1) { totalCount } postalPoints { totalCount } }
      ... on Agency { id lanSecured networkConnection { status sector } certificates(status: ACTIVE) { totalCount } }
      ... on InformationSystem { id hosting { ipv6Status domains { name ipv6Status } servers { id ipv6 } } } } }`);
    expect(result.errors).toBeUndefined();
    const [province, district, sttt, partyCommittee, portal] = result.data._entities;
    expect(province).toMatchObject({ fibreBroadband: true, lteCoverage: { communes: 106, communesCovered: 106, covered: true }, btsStations: { totalCount: 1208 }, postalPoints: { totalCount: 247 } });
    expect(district.lteCoverage).toMatchObject({ communes: 14, covered: true });
    expect(district.btsStations.totalCount).toBe(await total('btsStations', 'districtCode: "844"'));
    expect(sttt).toMatchObject({ lanSecured: expect.any(Boolean), networkConnection: { status: 'CONNECTED', sector: 'STATE' } });
    expect(sttt.certificates.totalCount).toBeGreaterThan(0);
    expect(partyCommittee).toMatchObject({ lanSecured: false, networkConnection: { sector: 'PARTY' } });
    expect(portal.hosting).toMatchObject({ ipv6Status: 'IN_PROGRESS', domains: [{ name: 'dichvucong.travinh.gov.vn', ipv6Status: 'IN_PROGRESS' }] });
    expect(portal.hosting.servers.length).toBeGreaterThan(0);
    expect(portal.hosting.servers.every((s: { ipv6: string | null }) => s.ipv6)).toBe(true);
  });
});

describe('mutations', () => {
  it('records a BTS outage and recovery, publishes bts.status-changed, and 4G coverage follows', async () => {
    const commune = '29254';
    const lte = (await infra.query(`{ btsStations(communeCode: "${commune}", technology: LTE, first: 500) { nodes { id status } } }`)).data.btsStations.nodes as Array<{ id: string; status: string }>;
    const set = `mutation($id: String!, $status: BtsStatus!, $reason: String) { setBtsStatus(id: $id, status: $status, reason: $reason) { id status statusHistory { fromStatus toStatus reason } } }`;
    const event = await nextEvent('bts.status-changed', async () => {
      for (const station of lte) await infra.query(set, { id: station.id, status: 'DOWN', reason: 'mất điện lưới' });
    });
    expect(event).toEqual({ id: lte[0]!.id, status: 'DOWN' });
    const coverage = `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${commune}" }, { __typename: "Province", code: "84" }]) {
      ... on AdministrativeUnit { lteCoverage { covered } } ... on Province { infrastructure { communesWithLte indicators { code status } } } } }`;
    let [unit, province] = (await infra.query(coverage)).data._entities;
    expect(unit.lteCoverage.covered).toBe(false);
    expect(province.infrastructure.communesWithLte).toBe(105);
    expect(province.infrastructure.indicators).toContainEqual({ code: 'communes4gCoverageShare', status: 'AT_RISK' });

    const back = await infra.query(set, { id: lte[0]!.id, status: 'UP' });
    expect(back.data.setBtsStatus).toMatchObject({ status: 'UP', statusHistory: [{ fromStatus: 'DOWN', toStatus: 'UP', reason: null }, { toStatus: 'DOWN', reason: 'mất điện lưới' }] });
    [unit, province] = (await infra.query(coverage)).data._entities;
    expect(unit.lteCoverage.covered).toBe(true);
    expect(province.infrastructure.communesWithLte).toBe(106);
    for (const station of lte.slice(1)) await infra.query(set, { id: station.id, status: station.status });
  });

  it('refuses an unknown station and writes nothing', async () => {
    const before = await countRows('bts_status_change');
    await expectBadInput('mutation { setBtsStatus(id: "bts-0000", status: DOWN) { id } }', 'id');
    expect(await countRows('bts_status_change')).toBe(before);
  });

  it('adds a VM within its host\'s capacity, retires it, and publishes server.changed', async () => {
    const host = (await infra.query('{ server(id: "host-12") { cpuCores memoryGb diskGb allocated { cpuCores memoryGb diskGb } virtualMachines { id } } }')).data.server;
    const free = { cpuCores: host.cpuCores - host.allocated.cpuCores, memoryGb: host.memoryGb - host.allocated.memoryGb, diskGb: host.diskGb - host.allocated.diskGb };
    expect(free.cpuCores).toBeGreaterThanOrEqual(0);
    const add = `mutation($input: AddServerInput!) { addServer(input: $input) { id kind host { id } hostedSystems { id } health status } }`;
    const input = { kind: 'VIRTUAL', hostId: 'host-12', cpuCores: 1, memoryGb: 1, diskGb: 10, ipv4: '10.84.99.1', systemIds: ['pakn'] };

    await expectBadInput(add, 'input.cpuCores', { input: { ...input, cpuCores: free.cpuCores + 1 } });
    await expectBadInput(add, 'input.systemIds', { input: { ...input, systemIds: ['nope'] } });
    await expectBadInput(add, 'input.ipv4', { input: { ...input, ipv4: '10.84.1.11' } });
    await expectBadInput(add, 'input.ipv4', { input: { ...input, ipv4: '300.1.1.1' } });
    await expectBadInput(add, 'input.hostId', { input: { ...input, hostId: 'vm-001' } });
    await expectBadInput(add, 'input.hostId', { input: { ...input, kind: 'PHYSICAL' } });
    expect(await countRows('server')).toBe(171);
    expect(await countRows('server_system')).toBeGreaterThan(0);

    let added: { id: string } | undefined;
    const event = await nextEvent('server.changed', async () => {
      added = (await infra.query(add, { input })).data.addServer;
    });
    expect(added).toEqual({ id: 'vm-141', kind: 'VIRTUAL', host: { id: 'host-12' }, hostedSystems: [{ id: 'pakn' }], health: 'HEALTHY', status: 'ACTIVE' });
    expect(event).toEqual({ id: 'vm-141' });
    expect(await total('servers')).toBe(172);
    expect(await total('servers', 'systemId: "pakn", hostId: "host-12"')).toBe(1);

    await expectBadInput('mutation { retireServer(id: "host-12") { id } }', 'id');
    const retired = await infra.query('mutation { retireServer(id: "vm-141") { id status retiredAt } }');
    expect(retired.data.retireServer).toMatchObject({ id: 'vm-141', status: 'RETIRED', retiredAt: expect.any(String) });
    await expectBadInput('mutation { retireServer(id: "vm-141") { id } }', 'id');
    expect(await total('servers')).toBe(171);
    expect(await total('servers', 'status: RETIRED')).toBe(1);
  });

  it('records a health change and publishes server.health-changed', async () => {
    const set = 'mutation($id: String!, $health: ServerHealth!) { setServerHealth(id: $id, health: $health) { id health } }';
    const event = await nextEvent('server.health-changed', () => infra.query(set, { id: 'host-03', health: 'CRITICAL' }));
    expect(event).toEqual({ id: 'host-03', health: 'CRITICAL' });
    expect(await total('servers', 'health: CRITICAL')).toBe(1);
    const indicators = (await infra.query('{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province { infrastructure { indicators { code actual } } } } }')).data._entities[0].infrastructure.indicators;
    expect(indicators).toContainEqual({ code: 'dataCentreOperational', actual: 0 });
    await infra.query(set, { id: 'host-03', health: 'HEALTHY' });
    await expectBadInput(set, 'id', { id: 'host-99', health: 'HEALTHY' });
    expect(await total('servers', 'health: CRITICAL')).toBe(0);
  });
});
