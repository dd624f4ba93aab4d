import { describe, expect, it } from 'vitest';
import { dossierTotals2022, generateDossiers, scaleTotals, type DossierColumns } from '../src/egov/dossier-distribution';
import { communeWeights, districtPopulation } from '../src/egov/population';
import { apportion, buildCatalogue, catalogueTotals } from '../src/egov/procedure-catalogue';
import { vietnamDayOf } from '@ioc/kit';
import { isWorkingDay } from '@ioc/egov/calendar';

const catalogue = buildCatalogue();
const communes = communeWeights();
const full = generateDossiers({ year: 2022, totals: dossierTotals2022, services: catalogue.services, communes });
const countWhere = (rows: DossierColumns, test: (i: number) => boolean) => rows.id.reduce((n, _, i) => n + (test(i) ? 1 : 0), 0);
const localMinutes = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};

describe('the procedure catalogue', () => {
  it('has the plan’s totals exactly', () => {
    const levels = (level: number) => catalogue.services.filter((s) => s.level === level).length;
    expect(catalogue.procedures).toHaveLength(catalogueTotals.procedures);
    expect(catalogue.services).toHaveLength(catalogueTotals.services);
    expect(levels(3)).toBe(551);
    expect(levels(4)).toBe(1077);
    expect(levels(2)).toBe(1858 - 551 - 1077);
    expect(catalogue.services.filter((s) => s.nationalPortal)).toHaveLength(930);
    // One integrated service per procedure, so 930 procedures are on the national portal too.
    expect(new Set(catalogue.services.filter((s) => s.nationalPortal).map((s) => s.procedureId)).size).toBe(930);
    expect(catalogue.services.filter((s) => s.nationalPortal).every((s) => s.level >= 3)).toBe(true);
  });

  it('has unique ids, codes and names, and one service per procedure and tier', () => {
    expect(new Set(catalogue.procedures.map((p) => p.code)).size).toBe(1466);
    expect(new Set(catalogue.procedures.map((p) => p.name)).size).toBe(1466);
    expect(new Set(catalogue.services.map((s) => `${s.procedureId}/${s.authorityLevel}`)).size).toBe(1858);
  });

  it('is deterministic', () => {
    expect(buildCatalogue()).toEqual(catalogue);
  });
});

describe('apportion', () => {
  it('gives integers that sum exactly to the total, close to the proportions', () => {
    const parts = apportion(100, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(parts).toEqual([34, 33, 33]);
    expect(apportion(7, [0, 5, 5])).toEqual([0, 4, 3]);
  });
});

describe('the 2022 dossiers', () => {
  it('reproduces every total of the plan exactly', () => {
    expect(full.id).toHaveLength(288_374);
    expect(countWhere(full, (i) => full.channel[i] === 'ONLINE')).toBe(45_173);
    expect(countWhere(full, (i) => full.channel[i] === 'IN_PERSON')).toBe(243_201);
    expect(countWhere(full, (i) => full.status[i] === 'RESOLVED')).toBe(281_494);
    expect(countWhere(full, (i) => full.serviceLevel[i] === 3)).toBe(107_550);
    expect(countWhere(full, (i) => full.serviceLevel[i] === 3 && full.channel[i] === 'ONLINE')).toBe(16_191);
    expect(countWhere(full, (i) => full.serviceLevel[i] === 4)).toBe(159_024);
    expect(countWhere(full, (i) => full.serviceLevel[i] === 4 && full.channel[i] === 'ONLINE')).toBe(28_982);
    // 72.52% of 1,858 services received at least one dossier.
    expect(new Set(full.serviceId).size).toBe(Math.round(1858 * 0.7252));
  });

  it('gives ids in order of receipt, all within 2022 in province time', () => {
    expect(full.id[0]).toBe(1);
    expect(full.id.at(-1)).toBe(288_374);
    expect(countWhere(full, (i) => i > 0 && full.receivedAt[i]! < full.receivedAt[i - 1]!)).toBe(0);
    expect(full.receivedAt[0]! >= '2021-12-31T17:00:00.000Z').toBe(true);
    expect(full.receivedAt.at(-1)! < '2022-12-31T17:00:00.000Z').toBe(true);
  });

  it('receives in person only on working days in office hours; online also on days off', () => {
    const working = (i: number) => isWorkingDay(vietnamDayOf(Date.parse(full.receivedAt[i]!)));
    const officeHours = (i: number) => {
      const minutes = localMinutes(full.receivedAt[i]!);
      return minutes >= 7 * 60 + 30 && minutes < 17 * 60;
    };
    expect(countWhere(full, (i) => full.channel[i] === 'IN_PERSON' && !(working(i) && officeHours(i)))).toBe(0);
    expect(countWhere(full, (i) => full.channel[i] === 'ONLINE' && !working(i))).toBeGreaterThan(0);
  });

  it('has consistent timestamps, agencies and channels', () => {
    const services = new Map(catalogue.services.map((s) => [s.id, s]));
    const districtOf = new Map(communes.map((c) => [c.code, c.districtCode]));
    const wrong = countWhere(full, (i) => {
      const service = services.get(full.serviceId[i]!)!;
      const agency = service.authorityLevel === 'PROVINCE' ? service.agencyId : service.authorityLevel === 'DISTRICT' ? `ubnd-${full.districtCode[i]}` : `ubnd-${full.communeCode[i]}`;
      return !(
        full.dueAt[i]! > full.receivedAt[i]! &&
        (full.resolvedAt[i] === null || full.resolvedAt[i]! >= full.receivedAt[i]!) &&
        (full.status[i] === 'RESOLVED') === (full.resolvedAt[i] !== null) &&
        (full.channel[i] === 'IN_PERSON' || service.level >= 3) &&
        full.serviceLevel[i] === service.level &&
        full.procedureId[i] === service.procedureId &&
        districtOf.get(full.communeCode[i]!) === full.districtCode[i] &&
        full.agencyId[i] === agency
      );
    });
    expect(wrong).toBe(0);
  });

  it('follows the districts’ populations for in-person dossiers', () => {
    const total = Object.values(districtPopulation).reduce((a, b) => a + b, 0);
    const inPerson = countWhere(full, (i) => full.channel[i] === 'IN_PERSON');
    for (const [district, population] of Object.entries(districtPopulation)) {
      const share = countWhere(full, (i) => full.channel[i] === 'IN_PERSON' && full.districtCode[i] === district) / inPerson;
      expect(share).toBeCloseTo(population / total, 2);
    }
  });

  it('keeps the still-processing dossiers at the end of the year', () => {
    const pending = full.receivedAt.filter((_, i) => full.status[i] === 'PROCESSING');
    expect(pending).toHaveLength(288_374 - 281_494);
    expect(pending.filter((t) => t >= '2022-11-30T17:00:00.000Z').length / pending.length).toBeGreaterThan(0.9);
  });

  it('is deterministic, and scales down keeping the proportions', () => {
    const small = scaleTotals(dossierTotals2022, 3000);
    expect(small.received).toBe(3000);
    expect(small.online).toBe(small.level3.online + small.level4.online);
    expect(small.online / small.received).toBeCloseTo(45_173 / 288_374, 2);
    const a = generateDossiers({ year: 2022, totals: small, services: catalogue.services, communes });
    const b = generateDossiers({ year: 2022, totals: small, services: catalogue.services, communes });
    expect(a).toEqual(b);
    expect(a.id).toHaveLength(3000);
    expect(countWhere(a, (i) => a.status[i] === 'RESOLVED')).toBe(small.resolved);
  });
});
