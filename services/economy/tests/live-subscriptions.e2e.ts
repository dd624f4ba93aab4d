import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEconomy, type EconomyHarness } from './support';
import { eventually, subgraphSocket, subscribe, untilLive } from '@ioc/kit/testing';

let economy: EconomyHarness;
let client: Client;
let n = 0;

const record = `mutation Record($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { indicator value } }`;
const changed = 'subscription($domain: String) { economyIndicatorChanged(domain: $domain) { code actual status } }';

interface Changed {
  economyIndicatorChanged: { code: string; actual: number | null; status: string };
}

/** Records a value that differs from the last one, so the indicator moves. */
const measure = (indicator: string, value = 60 + (n++ % 30)) =>
  economy.query(record, { input: { indicator, period: '2023-Q3', value, source: 'Sở TT&TT, báo cáo quý III/2023' } });

beforeAll(async () => {
  economy = await startEconomy(inject('postgresAdminUrl'));
  client = subgraphSocket(economy.server.url);
});

afterAll(async () => {
  await client?.dispose();
  await economy?.close();
});

describe('economyIndicatorChanged', () => {
  it('delivers each indicator a measurement moves, with its new value, to subscribers of its domain only', async () => {
    const society = subscribe<Changed>(client, changed, { domain: 'DIGITAL_SOCIETY' });
    const economyOnly = subscribe<Changed>(client, changed, { domain: 'DIGITAL_ECONOMY' });
    await untilLive(society, () => measure('society.smartphoneShare'));
    await untilLive(economyOnly, () => measure('ecommerceRetailShare'));

    const result = await measure('society.smartphoneShare', 91);
    expect(result.errors).toBeUndefined();
    await eventually(() => society.events.some((event) => event.economyIndicatorChanged.actual === 91));
    expect(society.events.at(-1)!.economyIndicatorChanged).toEqual({ code: 'adultsWithSmartphoneShare', actual: 91, status: 'ON_TRACK' });
    expect(society.events.every((event) => event.economyIndicatorChanged.code === 'adultsWithSmartphoneShare')).toBe(true);
    expect(economyOnly.events.every((event) => event.economyIndicatorChanged.code === 'ecommerceRetailShare')).toBe(true);
    society.stop();
    economyOnly.stop();
  });

  it('refuses a domain this subgraph does not own', async () => {
    const bad = subscribe(client, changed, { domain: 'SECURITY' });
    await bad.completed;
    expect(bad.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'domain' } });
  });
});
