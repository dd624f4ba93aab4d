import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foldVietnamese } from '@ioc/kit';
import { startEconomy, inputError, type EconomyHarness } from './support';

let economy: EconomyHarness;
beforeAll(async () => {
  economy = await startEconomy(inject('postgresAdminUrl'));
});
afterAll(async () => {
  await economy?.close();
});

const q = <T = any>(document: string, variables?: Record<string, unknown>) => economy.query<T>(document, variables);

async function total(field: string, args = ''): Promise<number> {
  const result = await q(`{ ${field}${args ? `(${args})` : ''} { totalCount } }`);
  expect(result.errors).toBeUndefined();
  return result.data[field].totalCount;
}

describe('economy lists', () => {
  it('counts the plan figures from rows', async () => {
    expect(await total('enterprises', 'sector: ICT')).toBe(115);
    expect(await total('enterprises', 'onProvincialPlatform: true')).toBe(125);
    expect(await total('ecommerceProducts')).toBe(638);
    expect(await total('ocopProducts')).toBe(104);
    expect(await total('ocopProducts', 'listed: true')).toBe(89);
    expect(await total('ocopProducts', 'listed: false')).toBe(15);
    expect(await total('einvoiceRegistrations')).toBe(3768);
    const teams = await q('{ communityTeams(first: 1) { totalCount totalMembers } }');
    expect(teams.data.communityTeams).toEqual({ totalCount: 732, totalMembers: 3842 });
  });

  it('filters enterprises by district and commune consistently', async () => {
    const districts = ['842', '844', '845', '846', '847', '848', '849', '850', '851'];
    const counts = await Promise.all(districts.map((code) => total('enterprises', `sector: ICT, districtCode: "${code}"`)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(115);
    expect(counts[0]).toBeGreaterThan(counts[8]!); // ICT firms cluster in Trà Vinh city

    const page = await q('{ enterprises(districtCode: "844", first: 500) { totalCount nodes { districtCode communeCode } } }');
    expect(page.data.enterprises.nodes.every((e: any) => e.districtCode === '844')).toBe(true);
    const commune = page.data.enterprises.nodes[0].communeCode;
    const inCommune = await q('query($c: String) { enterprises(communeCode: $c, first: 500) { totalCount nodes { communeCode } } }', { c: commune });
    expect(inCommune.data.enterprises.totalCount).toBeGreaterThan(0);
    expect(inCommune.data.enterprises.nodes.every((e: any) => e.communeCode === commune)).toBe(true);
  });

  it('pages with cursors without overlap and reports hasNextPage', async () => {
    const first = await q('{ enterprises(sector: ICT, first: 50) { totalCount nodes { taxCode } pageInfo { hasNextPage endCursor } } }');
    const second = await q('query($after: String) { enterprises(sector: ICT, first: 50, after: $after) { nodes { taxCode } pageInfo { hasNextPage endCursor } } }', {
      after: first.data.enterprises.pageInfo.endCursor,
    });
    const third = await q('query($after: String) { enterprises(sector: ICT, first: 50, after: $after) { nodes { taxCode } pageInfo { hasNextPage } } }', {
      after: second.data.enterprises.pageInfo.endCursor,
    });
    const codes = [first, second, third].flatMap((r) => r.data.enterprises.nodes.map((n: any) => n.taxCode));
    expect(codes).toHaveLength(115);
    expect(new Set(codes).size).toBe(115);
    expect(first.data.enterprises.pageInfo.hasNextPage).toBe(true);
    expect(third.data.enterprises.pageInfo.hasNextPage).toBe(false);
  });

  it('sorts by employees, largest first', async () => {
    const result = await q('{ enterprises(first: 20, orderBy: EMPLOYEES_DESC) { nodes { employees } } }');
    const employees = result.data.enterprises.nodes.map((n: any) => n.employees);
    expect(employees).toEqual([...employees].sort((a, b) => b - a));
  });

  it('searches names without accents and tax codes by prefix', async () => {
    const all = await q('{ enterprises(first: 500) { nodes { taxCode name } } }');
    const nodes: Array<{ taxCode: string; name: string }> = all.data.enterprises.nodes;
    const expected = nodes.filter((n) => foldVietnamese(n.name).includes('tin hoc')).length;
    expect(expected).toBeGreaterThan(0);
    const search = await q('{ enterprises(search: "TIN HOC", first: 500) { totalCount nodes { name } } }');
    expect(search.data.enterprises.totalCount).toBe(expected);
    expect(search.data.enterprises.nodes.every((n: any) => n.name.includes('Tin học'))).toBe(true);

    const target = nodes[7]!;
    const byCode = await q('query($s: String) { enterprises(search: $s) { nodes { taxCode } } }', { s: target.taxCode });
    expect(byCode.data.enterprises.nodes).toEqual([{ taxCode: target.taxCode }]);

    const teams = await q('{ communityTeams(search: "cau ke", level: DISTRICT) { nodes { name } } }');
    expect(teams.data.communityTeams.nodes).toEqual([{ name: 'Tổ Công nghệ số cộng đồng huyện Cầu Kè' }]);
    expect(await total('communityTeams', 'search: "50%_"')).toBe(0); // wildcards are literal
  });

  it('filters products, OCOP products, teams and e-invoice registrations', async () => {
    expect(await total('ecommerceProducts', 'ocop: true')).toBe(58);
    expect((await total('ocopProducts', 'stars: 4')) + (await total('ocopProducts', 'stars: 3'))).toBe(104);
    const postmart = await total('ocopProducts', 'platform: POSTMART');
    expect(postmart).toBeGreaterThan(0);
    expect(postmart).toBeLessThanOrEqual(89);
    expect(await total('communityTeams', 'level: DISTRICT')).toBe(9);
    expect(await total('communityTeams', 'level: COMMUNE')).toBe(106);
    const perDistrict = await Promise.all(['842', '849'].map((d) => q(`{ communityTeams(districtCode: "${d}", first: 500) { totalCount totalMembers nodes { members districtCode } } }`)));
    for (const r of perDistrict) {
      const c = r.data.communityTeams;
      expect(c.nodes.every((n: any) => n.districtCode === c.nodes[0].districtCode)).toBe(true);
      expect(c.nodes.reduce((a: number, n: any) => a + n.members, 0)).toBe(c.totalMembers);
    }
    const h1 = await total('einvoiceRegistrations', 'registeredTo: "2022-06-30"');
    const h2 = await total('einvoiceRegistrations', 'registeredFrom: "2022-07-01"');
    expect(h1 + h2).toBe(3768);
    expect(await total('einvoiceRegistrations', 'taxpayerKind: HOUSEHOLD_BUSINESS')).toBe(1700);
  });

  it('follows relations: product → enterprise, enterprise → products, OCOP → producer', async () => {
    const result = await q('{ ecommerceProducts(ocop: true, first: 5) { nodes { id enterprise { taxCode onProvincialPlatform productCount products { id } } ocopProduct { id producer { taxCode } } } } }');
    expect(result.errors).toBeUndefined();
    for (const node of result.data.ecommerceProducts.nodes) {
      expect(node.enterprise.onProvincialPlatform).toBe(true);
      expect(node.enterprise.products.map((p: any) => p.id)).toContain(node.id);
      expect(node.enterprise.productCount).toBe(node.enterprise.products.length);
      expect(node.ocopProduct.producer.taxCode).toBe(node.enterprise.taxCode);
    }
    const ict = await q('{ enterprises(sector: ICT, first: 3) { nodes { eInvoiceRegisteredOn onProvincialPlatform ictActivity } } }');
    for (const node of ict.data.enterprises.nodes) {
      expect(node.eInvoiceRegisteredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(node.onProvincialPlatform).toBe(false);
      expect(node.ictActivity).not.toBeNull();
    }
  });
});

describe('invalid arguments', () => {
  const cases: Array<[string, string, string]> = [
    ['first over 500', '{ enterprises(first: 501) { totalCount } }', 'first'],
    ['first under 1', '{ ocopProducts(first: 0) { totalCount } }', 'first'],
    ['a bad cursor', '{ ecommerceProducts(after: "nope") { totalCount } }', 'after'],
    ['an unknown district', '{ enterprises(districtCode: "999") { totalCount } }', 'districtCode'],
    ['a district code given as commune', '{ communityTeams(communeCode: "842") { totalCount } }', 'communeCode'],
    ['an unknown commune', '{ einvoiceRegistrations(communeCode: "00000") { totalCount } }', 'communeCode'],
    ['a reversed date range', '{ einvoiceRegistrations(registeredFrom: "2022-07-01", registeredTo: "2022-06-01") { totalCount } }', 'registeredTo'],
    ['a malformed date', '{ einvoiceRegistrations(registeredFrom: "2022-13-01") { totalCount } }', 'registeredFrom'],
    ['six stars', '{ ocopProducts(stars: 6) { totalCount } }', 'stars'],
    ['a malformed tax code', '{ ecommerceProducts(enterpriseTaxCode: "12ab") { totalCount } }', 'enterpriseTaxCode'],
    ['a malformed period', '{ measurement(indicator: "payments.mobileMoneyAccounts", period: "2022-Q5") { value } }', 'period'],
    ['an unknown domain', '{ measurements(domain: "SPORT") { value } }', 'domain'],
  ];
  it.each(cases)('refuses %s', async (_name, document, argument) => {
    expect(inputError(await q(document)).argument).toBe(argument);
  });
});

describe('reported measurements and indicators', () => {
  it('serves the plan totals as measurements, but never the counts that are rows', async () => {
    const result = await q(`{
      accounts: measurement(indicator: "payments.activeAccountHolders15Plus", period: "2022") { value unit source }
      mobile: measurement(indicator: "payments.mobileMoneyAccounts") { value period }
      teams: measurement(indicator: "community.teams") { value }
      electricity: measurements(indicator: "electricity.") { indicator value }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.accounts).toEqual({ value: 646721, unit: 'count', source: 'Phần I, mục II.11.b' });
    expect(result.data.mobile).toEqual({ value: 30909, period: '2022' });
    expect(result.data.teams).toBeNull();
    expect(result.data.electricity.map((m: any) => m.indicator)).toContain('electricity.cashlessCustomers');
    expect(result.data.electricity.every((m: any) => m.indicator.startsWith('electricity.'))).toBe(true);
  });

  it('summarises the province for the gateway, with indicators of both domains', async () => {
    const result = await q(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Province {
      digitalEconomy { ictEnterprises platformEnterprises platformProducts ocopProducts ocopProductsListed eInvoiceTaxCodes farmHouseholdsOnEcommerce farmHouseholdsOnVoso indicators { code status actual } }
      digitalSociety { communityTeams communityTeamMembers unitsWithTeamsShare paymentAccountHolders mobileMoneyAccounts electricityCashlessCustomers internetUsersShare
        indicators { code target baseline actual status } }
    } } }`, { reps: [{ __typename: 'Province', code: '84' }] });
    expect(result.errors).toBeUndefined();
    const [province] = result.data._entities;
    expect(province.digitalEconomy).toMatchObject({
      ictEnterprises: 115, platformEnterprises: 125, platformProducts: 638, ocopProducts: 104, ocopProductsListed: 89, eInvoiceTaxCodes: 3768,
      farmHouseholdsOnEcommerce: 68627, farmHouseholdsOnVoso: 59000,
    });
    expect(province.digitalEconomy.indicators).toHaveLength(6);
    expect(province.digitalEconomy.indicators.every((i: any) => i.status === 'NO_DATA')).toBe(true);
    expect(province.digitalSociety).toMatchObject({
      communityTeams: 732, communityTeamMembers: 3842, unitsWithTeamsShare: 100, paymentAccountHolders: 646721, mobileMoneyAccounts: 30909,
      electricityCashlessCustomers: 179788, internetUsersShare: 74,
    });
    const smartphones = province.digitalSociety.indicators.find((i: any) => i.code === 'adultsWithSmartphoneShare');
    expect(smartphones).toEqual({ code: 'adultsWithSmartphoneShare', target: 80, baseline: 60, actual: 60, status: 'OFF_TRACK' });
    expect(province.digitalSociety.indicators).toHaveLength(8);
  });
});

describe('drill-down through AdministrativeUnit', () => {
  it('gives teams and enterprises inside a district or commune', async () => {
    const result = await q(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on AdministrativeUnit {
      code communityTeams(first: 500) { totalCount totalMembers nodes { level communeCode districtCode } }
      enterprises(sector: ICT) { totalCount }
    } } }`, { reps: [{ __typename: 'AdministrativeUnit', code: '842' }, { __typename: 'AdministrativeUnit', code: '29236' }, { __typename: 'AdministrativeUnit', code: '84' }] });
    expect(result.errors).toBeUndefined();
    const [district, ward, province] = result.data._entities;
    expect(district.communityTeams.nodes.every((t: any) => t.districtCode === '842')).toBe(true);
    expect(ward.communityTeams.nodes.every((t: any) => t.communeCode === '29236')).toBe(true);
    expect(ward.communityTeams.nodes.filter((t: any) => t.level === 'COMMUNE')).toHaveLength(1);
    expect(province.communityTeams).toMatchObject({ totalCount: 732, totalMembers: 3842 });
    expect(province.enterprises.totalCount).toBe(115);
    expect(district.enterprises.totalCount).toBe(await total('enterprises', 'sector: ICT, districtCode: "842"'));
  });
});

describe('federation batching', () => {
  const districts = ['842', '844', '845', '846', '847', '848', '849', '850', '851'];

  it('resolves many Enterprise representations with one SQL query', async () => {
    const page = await q('{ enterprises(first: 40) { nodes { taxCode name } } }');
    const reps = page.data.enterprises.nodes.map((n: any) => ({ __typename: 'Enterprise', taxCode: n.taxCode }));
    economy.resetQueries();
    const result = await q('query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { taxCode name sector } } }', {
      reps: [...reps, { __typename: 'Enterprise', taxCode: '0000000000' }],
    });
    expect(economy.queries).toHaveLength(1);
    expect(result.data._entities.slice(0, 40).map((e: any) => e.name)).toEqual(page.data.enterprises.nodes.map((n: any) => n.name));
    expect(result.data._entities[40]).toBeNull();
  });

  it('counts for nine districts in one SQL query', async () => {
    economy.resetQueries();
    const result = await q('query($reps: [_Any!]!) { _entities(representations: $reps) { ... on AdministrativeUnit { code digitalEconomyCounts { ictEnterprises communityTeams communityTeamMembers eInvoiceTaxCodes } } } }', {
      reps: districts.map((code) => ({ __typename: 'AdministrativeUnit', code })),
    });
    expect(result.errors).toBeUndefined();
    expect(economy.queries).toHaveLength(1);
    const counts = result.data._entities.map((e: any) => e.digitalEconomyCounts);
    expect(counts.reduce((a: number, c: any) => a + c.communityTeams, 0)).toBe(732);
    expect(counts.reduce((a: number, c: any) => a + c.communityTeamMembers, 0)).toBe(3842);
    expect(counts.reduce((a: number, c: any) => a + c.ictEnterprises, 0)).toBe(115);
    expect(counts.reduce((a: number, c: any) => a + c.eInvoiceTaxCodes, 0)).toBe(3768);
  });

  it('one query per entity type for mixed representations', async () => {
    economy.resetQueries();
    const result = await q('query($reps: [_Any!]!) { _entities(representations: $reps) { ... on OcopProduct { id } ... on CommunityTeam { id members } } }', {
      reps: [
        { __typename: 'OcopProduct', id: 'OCOP-TV-001' },
        { __typename: 'CommunityTeam', id: 'TCN-842-00000-000' },
        { __typename: 'OcopProduct', id: 'OCOP-TV-002' },
        { __typename: 'CommunityTeam', id: 'TCN-844-00000-000' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((e: any) => e.id)).toEqual(['OCOP-TV-001', 'TCN-842-00000-000', 'OCOP-TV-002', 'TCN-844-00000-000']);
    expect(economy.queries).toHaveLength(2);
  });

  it('answers both province summaries with three SQL queries', async () => {
    economy.resetQueries();
    const result = await q(`{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province {
      digitalEconomy { ictEnterprises farmHouseholdsOnEcommerce indicators { code status } }
      digitalSociety { communityTeams paymentAccountHolders indicators { code status } }
    } } }`);
    expect(result.errors).toBeUndefined();
    expect(economy.queries).toHaveLength(3); // counts, measurements, indicator definitions
  });
});
