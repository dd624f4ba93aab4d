import type { TestSubgraph } from '@ioc/kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectBadInput, expectOk, startEgov } from './support';

let egov: TestSubgraph;
/** The dossiers the seed wrote, counted in the table (the seed's own total is checked in seeds/). */
let seededDossiers: number;
beforeAll(async () => {
  egov = await startEgov(inject('postgresAdminUrl'));
  const [row] = await egov.server.db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM dossier');
  seededDossiers = row!.n;
});
afterAll(async () => {
  await egov?.stop();
});

const count = async (query: string, variables: Record<string, unknown> = {}) => {
  const data = expectOk(await egov.query(query, variables));
  return (Object.values(data as object)[0] as { totalCount: number }).totalCount;
};

describe('administrative units', () => {
  it('counts districts and communes valid today, and none before the data set starts', async () => {
    const units = 'query($level: UnitLevel, $validOn: String) { administrativeUnits(level: $level, validOn: $validOn) { totalCount } }';
    expect(await count(units, { level: 'DISTRICT' })).toBe(9);
    expect(await count(units, { level: 'COMMUNE' })).toBe(106);
    expect(await count(units, { level: 'COMMUNE', validOn: '2007-12-31' })).toBe(0);
  });

  it('finds units without accents and drills down province → district → commune', async () => {
    const found = expectOk(await egov.query('{ administrativeUnits(search: "cau ke") { nodes { code name level } } }'));
    expect(found.administrativeUnits.nodes).toContainEqual({ code: '845', name: 'Cầu Kè', level: 'DISTRICT' });
    const tree = expectOk(
      await egov.query('{ administrativeUnit(code: "84") { name children { code name children { code parent { code } } } } }'),
    );
    expect(tree.administrativeUnit.name).toBe('Trà Vinh');
    expect(tree.administrativeUnit.children).toHaveLength(9);
    const city = tree.administrativeUnit.children.find((c: { code: string }) => c.code === '842');
    expect(city.children).toHaveLength(10);
    expect(city.children.every((c: { parent: { code: string } }) => c.parent.code === '842')).toBe(true);
  });

  it('names the argument that is wrong', async () => {
    expectBadInput(await egov.query('{ administrativeUnits(parentCode: "999") { totalCount } }'), 'parentCode');
    expectBadInput(await egov.query('{ administrativeUnits(validOn: "2022-02-30") { totalCount } }'), 'validOn');
    expectBadInput(await egov.query('{ administrativeUnits(first: 501) { totalCount } }'), 'first');
    expectBadInput(await egov.query('{ administrativeUnits(after: "bm9wZQ") { totalCount } }'), 'after');
  });
});

describe('agencies and information systems', () => {
  it('filters agencies by level and kind, and pages through all 150 without gaps or repeats', async () => {
    expect(await count('{ agencies(level: PROVINCE, kind: DEPARTMENT) { totalCount } }')).toBe(19);
    expect(await count('{ agencies(kind: PARTY) { totalCount } }')).toBe(16);
    expect(await count('{ agencies(level: COMMUNE) { totalCount } }')).toBe(106);
    expect(await count('{ agencies(unitCode: "842") { totalCount } }')).toBe(11);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = expectOk(
        await egov.query('query($after: String) { agencies(first: 40, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }', { after }),
      );
      ids.push(...data.agencies.nodes.map((n: { id: string }) => n.id));
      expect(data.agencies.totalCount).toBe(150);
      if (!data.agencies.pageInfo.hasNextPage) break;
      after = data.agencies.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
  });

  it('searches agencies and systems accent-insensitively', async () => {
    const agencies = expectOk(await egov.query('{ agencies(search: "so thong tin") { nodes { id } } }'));
    expect(agencies.agencies.nodes.map((n: { id: string }) => n.id)).toContain('STTTT');
    const systems = expectOk(await egov.query('{ informationSystems(search: "tra vinh") { nodes { id nameVi } } }'));
    expect(systems.informationSystems.nodes.map((n: { id: string }) => n.id)).toContain('smart-travinh-app');
  });

  it('filters the catalogue and links owners', async () => {
    expect(await count('{ informationSystems { totalCount } }')).toBe(47);
    expect(await count('{ informationSystems(category: SECTOR_DATABASE) { totalCount } }')).toBe(24);
    const owned = expectOk(await egov.query('{ informationSystems(ownerAgencyId: "STTTT", first: 500) { totalCount nodes { ownerAgency { id } } } }'));
    expect(owned.informationSystems.totalCount).toBe(16);
    expect(owned.informationSystems.nodes.every((n: any) => n.ownerAgency.id === 'STTTT')).toBe(true);
    expectBadInput(await egov.query('{ informationSystems(ownerAgencyId: "NOPE") { totalCount } }'), 'ownerAgencyId');
  });
});

describe('procedures and online services', () => {
  it('reproduces the catalogue totals', async () => {
    expect(await count('{ onlineServices { totalCount } }')).toBe(1858);
    expect(await count('{ onlineServices(level: 3) { totalCount } }')).toBe(551);
    expect(await count('{ onlineServices(level: 4) { totalCount } }')).toBe(1077);
    expect(await count('{ onlineServices(nationalPortal: true) { totalCount } }')).toBe(930);
    expect(await count('{ administrativeProcedures { totalCount } }')).toBe(1466);
    expect(await count('{ administrativeProcedures(nationalPortal: true) { totalCount } }')).toBe(930);
  });

  it('rejects an impossible level', async () => {
    expectBadInput(await egov.query('{ onlineServices(level: 5) { totalCount } }'), 'level');
  });

  it('sorts by name and searches without accents', async () => {
    const data = expectOk(await egov.query('{ onlineServices(search: "ho tich", sort: NAME, first: 500) { totalCount nodes { name provision procedure { field } } } }'));
    const names = data.onlineServices.nodes.map((n: { name: string }) => n.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('dossiers', () => {
  it('filters by district, channel and status, consistently with the totals', async () => {
    const all = await count('{ dossiers(first: 1) { totalCount } }');
    expect(all).toBe(seededDossiers);
    const online = await count('{ dossiers(channel: ONLINE, first: 1) { totalCount } }');
    const inPerson = await count('{ dossiers(channel: IN_PERSON, first: 1) { totalCount } }');
    expect(online + inPerson).toBe(all);
    const stats = expectOk(await egov.query('{ dossierStatistics(year: 2022) { unitCode received online resolved unit { level } } }'));
    expect(stats.dossierStatistics).toHaveLength(9);
    expect(stats.dossierStatistics.every((s: any) => s.unit.level === 'DISTRICT')).toBe(true);
    const sum = (key: string) => stats.dossierStatistics.reduce((total: number, s: any) => total + s[key], 0);
    expect(sum('received')).toBe(all);
    expect(sum('online')).toBe(online);
    const city = stats.dossierStatistics.find((s: any) => s.unitCode === '842');
    expect(await count('{ dossiers(districtCode: "842", first: 1) { totalCount } }')).toBe(city.received);
    expect(await count('{ dossiers(districtCode: "842", channel: ONLINE, first: 1) { totalCount } }')).toBe(city.online);
    expect(await count('{ dossiers(districtCode: "842", status: RESOLVED, first: 1) { totalCount } }')).toBe(city.resolved);
  });

  it('drills down to communes and agrees with the unit fields', async () => {
    const communes = expectOk(await egov.query('{ dossierStatistics(year: 2022, parentCode: "842") { unitCode received } }'));
    expect(communes.dossierStatistics).toHaveLength(10);
    const units = expectOk(
      await egov.query('{ administrativeUnit(code: "842") { dossierStatistics(year: 2022) { received } children { code dossierStatistics(year: 2022) { received } } } }'),
    );
    const total = communes.dossierStatistics.reduce((t: number, s: any) => t + s.received, 0);
    expect(units.administrativeUnit.dossierStatistics.received).toBe(total);
    for (const child of units.administrativeUnit.children) {
      expect(child.dossierStatistics.received).toBe(communes.dossierStatistics.find((s: any) => s.unitCode === child.code).received);
    }
  });

  it('takes a date range in province time, inclusive of the last day, and sorts', async () => {
    const december = await count('{ dossiers(receivedFrom: "2022-12-01", receivedTo: "2022-12-31", first: 1) { totalCount } }');
    const firstHalf = await count('{ dossiers(receivedFrom: "2022-12-01", receivedTo: "2022-12-15", first: 1) { totalCount } }');
    const secondHalf = await count('{ dossiers(receivedFrom: "2022-12-16", receivedTo: "2022-12-31", first: 1) { totalCount } }');
    expect(firstHalf + secondHalf).toBe(december);
    expect(december).toBeGreaterThan(0);
    const page = expectOk(await egov.query('{ dossiers(sort: RECEIVED_AT_ASC, first: 20) { nodes { receivedAt } } }'));
    const times = page.dossiers.nodes.map((n: { receivedAt: string }) => n.receivedAt);
    expect(times).toEqual([...times].sort());
    expect(times[0] >= '2021-12-31T17:00:00.000Z').toBe(true);
  });

  it('rejects bad dates, unknown codes and a commune given as a district', async () => {
    expectBadInput(await egov.query('{ dossiers(receivedFrom: "2022-12-31", receivedTo: "2022-01-01") { totalCount } }'), 'receivedFrom');
    expectBadInput(await egov.query('{ dossiers(receivedTo: "2022-13-01") { totalCount } }'), 'receivedTo');
    expectBadInput(await egov.query('{ dossiers(districtCode: "999") { totalCount } }'), 'districtCode');
    expectBadInput(await egov.query('{ dossiers(districtCode: "29263") { totalCount } }'), 'districtCode');
    expectBadInput(await egov.query('{ dossiers(agencyId: "nope") { totalCount } }'), 'agencyId');
    expectBadInput(await egov.query('{ dossiers(serviceLevel: 7) { totalCount } }'), 'serviceLevel');
    expectBadInput(await egov.query('{ dossierStatistics(year: 1850) { received } }'), 'year');
    expectBadInput(await egov.query('{ dossierStatistics(year: 2022, parentCode: "999") { received } }'), 'parentCode');
  });
});

describe('feedback', () => {
  it('serves personal data masked and searches without accents', async () => {
    const query = '{ feedback(search: "rac thai", first: 5) { totalCount nodes { title citizenName citizenPhone } } }';
    const data = expectOk(await egov.query(query, {}, { role: 'ioc-viewer' }));
    expect(data.feedback.totalCount).toBeGreaterThan(0);
    for (const item of data.feedback.nodes) {
      expect(item.title).toMatch(/Rác thải/);
      expect(item.citizenName).toMatch(/\*/);
      if (item.citizenPhone) expect(item.citizenPhone).toMatch(/^\d{2}\*+\d{2}$/);
    }
    // Admins see the same rows in clear.
    const clear = expectOk(await egov.query(query, {}, { role: 'admin' }));
    expect(clear.feedback.nodes.map((item: { citizenName: string }) => item.citizenName).join(' ')).not.toMatch(/\*/);
  });
});

describe('the plan', () => {
  it('has the 62 tasks with their agencies and the budget summed from the projects', async () => {
    expect(await count('{ planTasks(year: 2023) { totalCount } }')).toBe(62);
    const led = expectOk(await egov.query('{ planTasks(agencyId: "STTTT", role: LEAD, first: 100) { totalCount nodes { leadAgencyIds leadAgencies { id } } } }'));
    expect(led.planTasks.totalCount).toBeGreaterThan(0);
    expect(led.planTasks.nodes.every((t: any) => t.leadAgencyIds.includes('STTTT') && t.leadAgencies.some((a: any) => a.id === 'STTTT'))).toBe(true);
    expect(await count('{ planProjects(year: 2023) { totalCount } }')).toBe(9);
    expect(await count('{ planProjects(year: 2022) { totalCount } }')).toBe(6);
    const budget = expectOk(await egov.query('{ b23: planBudget(year: 2023) { projects total investment recurring unfunded } b22: planBudget(year: 2022) { total } none: planBudget(year: 2030) { total } }'));
    expect(budget.b23).toEqual({ projects: 9, total: 72524, investment: 42151, recurring: 30373, unfunded: 14755 });
    expect(budget.b22.total).toBe(39217.236);
    expect(budget.none).toBeNull();
  });
});

describe('the digital-government summary', () => {
  it('gives headline counts, indicators with baselines and computed actuals, and reported totals', async () => {
    const data = expectOk(
      await egov.query(`{ province(code: "84") { digitalGovernment {
          districts communes agencies informationSystems procedures onlineServices onlineServicesLevel3 onlineServicesLevel4 onlineServicesOnNationalPortal
          indicators { code baseline target comparator actual status }
          online: indicator(code: "dossiersOnlineShare") { baseline target actual status }
          portal: indicator(code: "proceduresIntegratedNationalPortalShare") { baseline actual }
          users: measurement(indicator: "ioffice.users") { value source }
          dossiers(year: 2022) { received }
          planBudget(year: 2023) { total } } } }`),
    );
    const summary = data.province.digitalGovernment;
    expect(summary).toMatchObject({ districts: 9, communes: 106, agencies: 150, informationSystems: 47, procedures: 1466, onlineServices: 1858 });
    expect(summary.indicators.map((i: { code: string }) => i.code)).toContain('ndxpDataServicesConnectedShare');
    expect(summary.indicators).toHaveLength(18);
    expect(summary.online).toMatchObject({ baseline: 15.66, target: 50, status: 'OFF_TRACK' });
    expect(summary.online.actual).toBeCloseTo(15.66, 0);
    expect(summary.portal).toEqual({ baseline: 50.05, actual: 50.05 });
    expect(summary.users.value).toBe(7334);
    expect(summary.dossiers.received).toBe(seededDossiers);
    expect(summary.planBudget.total).toBe(72524);
  });
});

describe('federation', () => {
  it('resolves a batch of entities of three types with one SQL query per type', async () => {
    const representations = [
      ...['STTTT', 'SYT', 'ubnd-842', 'ubnd-29263', 'nope'].map((id) => ({ __typename: 'Agency', id })),
      ...['84', '842', '845', '29263'].map((code) => ({ __typename: 'AdministrativeUnit', code })),
      ...['ioffice', 'lgsp', 'pakn'].map((id) => ({ __typename: 'InformationSystem', id })),
    ];
    egov.resetQueries();
    const data = expectOk(
      await egov.query(
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
           ... on Agency { id level } ... on AdministrativeUnit { code name } ... on InformationSystem { id category } } }`,
        { representations },
      ),
    );
    expect(data._entities).toHaveLength(12);
    expect(data._entities[0]).toEqual({ id: 'STTTT', level: 'PROVINCE' });
    expect(data._entities[4]).toBeNull();
    expect(data._entities[5]).toEqual({ code: '84', name: 'Trà Vinh' });
    const selects = egov.queries.filter((sql) => /^\s*SELECT/i.test(sql));
    expect(selects).toHaveLength(3);
    expect(selects.filter((sql) => /"agency"/.test(sql))).toHaveLength(1);
    expect(selects.filter((sql) => /"administrative_unit"/.test(sql))).toHaveLength(1);
    expect(selects.filter((sql) => /"information_system"/.test(sql))).toHaveLength(1);
  });
});
