import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventStream } from '@ioc/kit';
import { startEconomy, inputError, type EconomyHarness } from './support';

let economy: EconomyHarness;
let events: EventStream<{ code: string }>;
beforeAll(async () => {
  economy = await startEconomy(inject('postgresAdminUrl'));
  events = await economy.server.bus.subscribe<{ code: string }>('indicator.changed');
});
afterAll(async () => {
  await events?.return();
  await economy?.close();
});

const q = <T = any>(document: string, variables?: Record<string, unknown>) => economy.query<T>(document, variables);

const register = `mutation Register($input: RegisterEnterpriseOnPlatformInput!) {
  registerEnterpriseOnPlatform(input: $input) { taxCode name onProvincialPlatform platformJoinedOn districtCode commune { code } }
}`;
const list = `mutation List($input: ListProductOnPlatformInput!) {
  listProductOnPlatform(input: $input) { id name category priceVnd enterprise { taxCode productCount } ocopProduct { id } }
}`;
const record = `mutation Record($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { indicator period value unit domain } }`;

async function platformCounts() {
  const result = await q('{ enterprises(onProvincialPlatform: true, first: 1) { totalCount } ecommerceProducts(first: 1) { totalCount } measurements { indicator } }');
  return {
    enterprises: result.data.enterprises.totalCount as number,
    products: result.data.ecommerceProducts.totalCount as number,
    measurements: result.data.measurements.length as number,
  };
}

async function nextEvent(timeoutMs = 2000): Promise<{ code: string } | 'timeout'> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  const next = events.next().then((r) => r.value as { code: string });
  return Promise.race([next, timeout]);
}

describe('registerEnterpriseOnPlatform', () => {
  it('refuses a viewer and writes nothing', async () => {
    const before = await platformCounts();
    const result = await economy.query(register, { input: { taxCode: '2108888888', name: 'Công ty TNHH Xem', legalForm: 'LIMITED_LIABILITY', sector: 'TRADE_SERVICES', communeCode: '29236' } }, { role: 'ioc-viewer' });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const measured = await economy.query(record, { input: { indicator: 'society.smartphoneShare', period: '2023', value: 99, source: 'x' } }, { role: 'ioc-viewer' });
    expect(measured.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await platformCounts()).toEqual(before);
    expect((await q('{ enterprise(taxCode: "2108888888") { name } }')).data.enterprise).toBeNull();
  });

  it('refuses invalid input, naming the argument, and writes nothing', async () => {
    const before = await platformCounts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ taxCode: '12345' }, 'input.taxCode'],
      [{ taxCode: '2109999999' }, 'input.name'],
      [{ taxCode: '2109999999', name: 'Công ty TNHH Nông sản Mới', legalForm: 'LIMITED_LIABILITY', sector: 'AGRICULTURE' }, 'input.communeCode'],
      [{ taxCode: '2109999999', name: 'Công ty TNHH Nông sản Mới', legalForm: 'LIMITED_LIABILITY', sector: 'AGRICULTURE', communeCode: '842' }, 'input.communeCode'],
      [{ taxCode: '2109999999', name: 'Công ty TNHH Nông sản Mới', legalForm: 'LIMITED_LIABILITY', sector: 'ICT', communeCode: '29236' }, 'input.ictActivity'],
      [{ taxCode: '2109999999', name: 'X', legalForm: 'LIMITED_LIABILITY', sector: 'AGRICULTURE', communeCode: '29236', joinedOn: '2999-01-01' }, 'input.joinedOn'],
    ];
    for (const [input, argument] of cases) expect(inputError(await q(register, { input })).argument).toBe(argument);
    expect(await platformCounts()).toEqual(before);
    expect((await q('{ enterprise(taxCode: "2109999999") { name } }')).data.enterprise).toBeNull();
  });

  it('puts a known enterprise on the platform once', async () => {
    const ict = await q('{ enterprises(sector: ICT, first: 1) { nodes { taxCode name } } }');
    const { taxCode } = ict.data.enterprises.nodes[0];
    const before = await platformCounts();
    const result = await q(register, { input: { taxCode, joinedOn: '2023-03-15' } });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerEnterpriseOnPlatform).toMatchObject({ taxCode, onProvincialPlatform: true, platformJoinedOn: '2023-03-15' });
    expect((await platformCounts()).enterprises).toBe(before.enterprises + 1);

    expect(inputError(await q(register, { input: { taxCode } })).argument).toBe('input.taxCode');
    const other = await q('{ enterprises(sector: ICT, onProvincialPlatform: false, first: 1) { nodes { taxCode } } }');
    const withName = await q(register, { input: { taxCode: other.data.enterprises.nodes[0].taxCode, name: 'Another name' } });
    expect(inputError(withName).argument).toBe('input.name');
  });

  it('creates a new enterprise in its commune and district', async () => {
    const result = await q(register, {
      input: { taxCode: ' 2109 999 999 ', name: 'Công ty TNHH MTV Dừa sáp Cầu Kè Xanh', legalForm: 'SINGLE_MEMBER_LIMITED_LIABILITY', sector: 'AGRICULTURE', communeCode: '29236', employees: 12 },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerEnterpriseOnPlatform).toMatchObject({ taxCode: '2109999999', districtCode: '842', commune: { code: '29236' }, onProvincialPlatform: true });
    const found = await q('{ enterprises(search: "dua sap cau ke xanh") { nodes { taxCode } } }');
    expect(found.data.enterprises.nodes).toEqual([{ taxCode: '2109999999' }]);
  });
});

describe('listProductOnPlatform', () => {
  it('refuses invalid listings, naming the argument, and writes nothing', async () => {
    const off = await q('{ off: enterprises(onProvincialPlatform: false, sector: ICT, first: 1) { nodes { taxCode } } on: enterprises(onProvincialPlatform: true, first: 1) { nodes { taxCode } } }');
    const offTaxCode = off.data.off.nodes[0].taxCode;
    const seller = off.data.on.nodes[0].taxCode;
    const ocop = await q('{ ocopProducts(first: 1) { nodes { id producerTaxCode } } }');
    const before = await platformCounts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ enterpriseTaxCode: 'abc', name: 'Kẹo dừa', category: 'PROCESSED_FOOD' }, 'input.enterpriseTaxCode'],
      [{ enterpriseTaxCode: '2100000000', name: 'Kẹo dừa', category: 'PROCESSED_FOOD' }, 'input.enterpriseTaxCode'],
      [{ enterpriseTaxCode: offTaxCode, name: 'Kẹo dừa', category: 'PROCESSED_FOOD' }, 'input.enterpriseTaxCode'],
      [{ enterpriseTaxCode: seller, name: '   ', category: 'PROCESSED_FOOD' }, 'input.name'],
      [{ enterpriseTaxCode: seller, name: 'Kẹo dừa', category: 'OCOP' }, 'input.ocopProductId'],
      [{ enterpriseTaxCode: seller, name: 'Kẹo dừa', category: 'FRUIT', ocopProductId: ocop.data.ocopProducts.nodes[0].id }, 'input.category'],
      [{ enterpriseTaxCode: seller, name: 'Kẹo dừa', category: 'OCOP', ocopProductId: 'OCOP-NONE' }, 'input.ocopProductId'],
      [{ enterpriseTaxCode: seller, name: 'Kẹo dừa', category: 'PROCESSED_FOOD', priceVnd: -5 }, 'input.priceVnd'],
      [{ enterpriseTaxCode: seller, name: 'Kẹo dừa', category: 'PROCESSED_FOOD', listedOn: '2023-02-30' }, 'input.listedOn'],
    ];
    for (const [input, argument] of cases) expect(inputError(await q(list, { input })).argument).toBe(argument);
    expect(await platformCounts()).toEqual(before);
  });

  it('lists a product, continues the numbering and refuses a duplicate name', async () => {
    const before = await platformCounts();
    const input = { enterpriseTaxCode: '2109999999', name: 'Dừa sáp  loại 1', category: 'FRUIT', priceVnd: 120000, saleUnit: 'trái' };
    const result = await q(list, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data.listProductOnPlatform).toMatchObject({ id: 'TVT-00639', name: 'Dừa sáp loại 1', priceVnd: 120000, enterprise: { taxCode: '2109999999', productCount: 1 } });
    expect((await platformCounts()).products).toBe(before.products + 1);
    expect(inputError(await q(list, { input: { ...input, name: 'DUA SAP LOAI 1' } })).argument).toBe('input.name');
  });

  it('lists a certified OCOP product only for its own producer', async () => {
    const ocop = await q('{ ocopProducts(first: 200) { nodes { id producerTaxCode producer { onProvincialPlatform } } } }');
    const own = ocop.data.ocopProducts.nodes.find((o: any) => o.producer?.onProvincialPlatform);
    const foreign = ocop.data.ocopProducts.nodes.find((o: any) => o.producerTaxCode && o.producerTaxCode !== own.producerTaxCode);
    const refused = await q(list, { input: { enterpriseTaxCode: own.producerTaxCode, name: 'Hàng OCOP của người khác', category: 'OCOP', ocopProductId: foreign.id } });
    expect(inputError(refused).argument).toBe('input.ocopProductId');
    const listed = await q(list, { input: { enterpriseTaxCode: own.producerTaxCode, name: 'Hộp quà OCOP', category: 'OCOP', ocopProductId: own.id } });
    expect(listed.data.listProductOnPlatform.ocopProduct).toEqual({ id: own.id });
  });
});

describe('recordMeasurement and indicator.changed', () => {
  const scorecard = '{ _entities(representations: [{ __typename: "Province", code: "84" }]) { ... on Province { digitalSociety { indicators { code actual status } } } } }';
  const indicator = async (code: string) => (await q(scorecard)).data._entities[0].digitalSociety.indicators.find((i: any) => i.code === code);

  it('refuses invalid input and writes nothing', async () => {
    const before = await platformCounts();
    const base = { indicator: 'population.aged15Plus', period: '2022', value: 800000, source: 'Cục Thống kê Trà Vinh' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, indicator: 'bad code!' }, 'input.indicator'],
      [{ ...base, indicator: 'community.teams' }, 'input.indicator'],
      [{ ...base, period: '2022-Q0' }, 'input.period'],
      [{ ...base, source: ' ' }, 'input.source'],
      [{ ...base, qualifier: 'ABOUT' }, 'input.qualifier'],
      [base, 'input.domain'],
      [{ ...base, domain: 'DIGITAL_SOCIETY', unit: 'count', titleVi: 'Dân số từ 15 tuổi' }, 'input.titleEn'],
      [{ indicator: 'payments.mobileMoneyAccounts', period: '2023', value: 1, source: 'x', unit: '%' }, 'input.unit'],
    ];
    for (const [input, argument] of cases) expect(inputError(await q(record, { input })).argument).toBe(argument);
    expect(await platformCounts()).toEqual(before);
    expect(await indicator('adultsWithEPaymentAccountShare')).toEqual({ code: 'adultsWithEPaymentAccountShare', actual: null, status: 'NO_DATA' });
  });

  it('publishes indicator.changed only for changes that move an indicator', async () => {
    // A new listing moves no indicator; the measurement below does, and its event must come first.
    const listed = await q(list, { input: { enterpriseTaxCode: '2109999999', name: 'Dừa xiêm', category: 'FRUIT' } });
    expect(listed.errors).toBeUndefined();

    const population = await q(record, {
      input: { indicator: 'population.aged15Plus', period: '2022', value: 800000, source: 'Niên giám thống kê 2022', domain: 'DIGITAL_SOCIETY', unit: 'count', titleVi: 'Dân số từ 15 tuổi trở lên', titleEn: 'Population aged 15+' },
    });
    expect(population.errors).toBeUndefined();
    expect(await nextEvent()).toMatchObject({ subgraph: 'economy', codes: ['adultsWithEPaymentAccountShare'] });
    expect(await indicator('adultsWithEPaymentAccountShare')).toEqual({ code: 'adultsWithEPaymentAccountShare', actual: 80.84, status: 'ON_TRACK' });

    // Recording the same value again moves nothing.
    await q(record, { input: { indicator: 'population.aged15Plus', period: '2022', value: 800000, source: 'Niên giám thống kê 2022' } });
    const smartphones = await q(record, { input: { indicator: 'society.smartphoneShare', period: '2023-Q2', value: 81, source: 'Sở TT&TT, báo cáo quý II/2023' } });
    expect(smartphones.data.recordMeasurement).toMatchObject({ unit: '%', domain: 'DIGITAL_SOCIETY', period: '2023-Q2' });
    expect(await nextEvent()).toMatchObject({ subgraph: 'economy', codes: ['adultsWithSmartphoneShare'] });
    expect(await indicator('adultsWithSmartphoneShare')).toEqual({ code: 'adultsWithSmartphoneShare', actual: 81, status: 'ON_TRACK' });
    const latest = await q('{ measurement(indicator: "society.smartphoneShare") { period value } }');
    expect(latest.data.measurement).toEqual({ period: '2023-Q2', value: 81 });
  });
});

describe('economy.changed', () => {
  it('is published on commit by every write, also those that move no indicator, and not by a refused one', async () => {
    const changes = await economy.server.bus.subscribe<{ type: string; id: string }>('economy.changed');
    try {
      const refused = await q(register, { input: { taxCode: '12345' } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const registered = await q(register, {
        input: { taxCode: '2107777777', name: 'Công ty TNHH Thủ công Ao Bà Om', legalForm: 'LIMITED_LIABILITY', sector: 'TRADE_SERVICES', communeCode: '29236' },
      });
      expect(registered.errors).toBeUndefined();
      const listed = await q(list, { input: { enterpriseTaxCode: '2107777777', name: 'Giỏ lục bình', category: 'HANDICRAFT' } });
      expect(listed.errors).toBeUndefined();
      const recorded = await q(record, { input: { indicator: 'society.smartphoneShare', period: '2023-Q3', value: 82, source: 'Sở TT&TT, báo cáo quý III/2023' } });
      expect(recorded.errors).toBeUndefined();
      const seen = [];
      for (let i = 0; i < 3; i++) seen.push((await changes.next()).value);
      expect(seen).toEqual([
        { type: 'Enterprise', id: '2107777777' },
        { type: 'EcommerceProduct', id: listed.data.listProductOnPlatform.id },
        { type: 'ReportedMeasurement', id: 'society.smartphoneShare@2023-Q3' },
      ]);
    } finally {
      await changes.return?.();
    }
  });
});
