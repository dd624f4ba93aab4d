import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '@ioc/kit';
import { generateEconomyData } from '../src/economy/economy.seed';
import { economyMeasurements } from '../src/economy/measurements.seed';
import { apportion } from '../src/economy/places';
import { rowBackedMeasurements } from '@ioc/economy/row-backed';

describe('economy seed data', () => {
  const data = generateEconomyData();

  it('reproduces the plan figures exactly', () => {
    expect(data.enterprises.filter((e) => e.sector === 'ICT')).toHaveLength(115);
    expect(data.enterprises.filter((e) => e.platformJoinedOn)).toHaveLength(125);
    expect(data.products).toHaveLength(638);
    expect(new Set(data.products.map((p) => p.enterpriseTaxCode)).size).toBe(125);
    expect(data.ocopProducts).toHaveLength(104);
    expect(data.ocopProducts.filter((o) => o.nationalPlatforms.length > 0)).toHaveLength(89);
    expect(data.registrations).toHaveLength(3768);
    expect(data.teams).toHaveLength(732);
    expect(data.teams.reduce((sum, t) => sum + t.members, 0)).toBe(3842);
  });

  it('is deterministic', () => {
    const again = generateEconomyData();
    expect(again.enterprises.map((e) => e.taxCode)).toEqual(data.enterprises.map((e) => e.taxCode));
    expect(again.products.map((p) => p.name)).toEqual(data.products.map((p) => p.name));
    expect(again.teams.map((t) => t.members)).toEqual(data.teams.map((t) => t.members));
  });

  it('keeps keys unique and rows consistent', () => {
    const taxCodes = data.registrations.map((r) => r.taxCode);
    expect(new Set(taxCodes).size).toBe(taxCodes.length);
    for (const e of data.enterprises) expect(taxCodes).toContain(e.taxCode);
    expect(new Set(data.enterprises.map((e) => foldVietnamese(e.name))).size).toBe(data.enterprises.length);
    const sellerProducts = new Set(data.products.map((p) => `${p.enterpriseTaxCode}|${foldVietnamese(p.name)}`));
    expect(sellerProducts.size).toBe(data.products.length);
    const ocopById = new Map(data.ocopProducts.map((o) => [o.id, o]));
    for (const p of data.products.filter((x) => x.ocopProductId)) expect(ocopById.get(p.ocopProductId!)!.producerTaxCode).toBe(p.enterpriseTaxCode);
    const joined = new Map(data.enterprises.map((e) => [e.taxCode, e.platformJoinedOn]));
    for (const p of data.products) expect(p.listedOn >= joined.get(p.enterpriseTaxCode)!).toBe(true);
  });

  it('gives every district and commune a team of its own', () => {
    expect(data.teams.filter((t) => t.level === 'DISTRICT')).toHaveLength(9);
    expect(new Set(data.teams.filter((t) => t.level === 'COMMUNE').map((t) => t.communeCode)).size).toBe(106);
    expect(Math.min(...data.teams.map((t) => t.members))).toBeGreaterThanOrEqual(3);
  });

  it('stores as measurements only what is not counted from rows', () => {
    const codes = economyMeasurements().map((m) => m.indicator);
    for (const rowBacked of Object.keys(rowBackedMeasurements)) expect(codes).not.toContain(rowBacked);
    expect(codes).toEqual(expect.arrayContaining(['payments.activeAccountHolders15Plus', 'payments.mobileMoneyAccounts', 'economy.farmHouseholdsOnEcommerce']));
  });

  it('apportions totals exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(3842, [5, 1, 1, 1], 3).reduce((a, b) => a + b, 0)).toBe(3842);
    expect(() => apportion(2, [1, 1, 1])).toThrow();
  });
});
