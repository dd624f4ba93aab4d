import { describe, expect, it } from 'vitest';
import { planBtsStations, traVinhBounds } from '../src/infrastructure/bts-plan';
import { planPostalPoints } from '../src/infrastructure/postal.seed';
import { traVinhUnits } from '../src/infrastructure/reference.seed';
import { btsCounts, communeSites, mobileOperators } from '../src/infrastructure/telecom.seed';
import { createRandom } from '../src/random';

const units = traVinhUnits();
const communes = communeSites(units);
const plan = () => planBtsStations(communes, mobileOperators, createRandom(841208), btsCounts);

describe('BTS spread over the communes', () => {
  const stations = plan();

  it('has 1,208 stations of which 1,041 with LTE (86.18%)', () => {
    expect(stations).toHaveLength(1208);
    const lte = stations.filter((s) => s.technologies.includes('LTE')).length;
    expect(lte).toBe(1041);
    expect(Math.round((lte / 1208) * 10_000) / 100).toBe(86.18);
    expect(new Set(stations.map((s) => s.id)).size).toBe(1208);
  });

  it('gives every one of the 106 communes an LTE station that is up', () => {
    expect(communes).toHaveLength(106);
    for (const commune of communes) {
      expect(stations.some((s) => s.communeCode === commune.code && s.technologies.includes('LTE') && s.status === 'UP')).toBe(true);
    }
  });

  it('places stations inside Trà Vinh, in their commune\'s district', () => {
    const districtOf = new Map(communes.map((c) => [c.code, c.districtCode]));
    for (const s of stations) {
      expect(s.latitude).toBeGreaterThanOrEqual(traVinhBounds.minLat);
      expect(s.latitude).toBeLessThanOrEqual(traVinhBounds.maxLat);
      expect(s.longitude).toBeGreaterThanOrEqual(traVinhBounds.minLon);
      expect(s.longitude).toBeLessThanOrEqual(traVinhBounds.maxLon);
      expect(s.districtCode).toBe(districtOf.get(s.communeCode));
      expect(s.technologies.length).toBeGreaterThan(0);
    }
  });

  it('spreads every operator over every district, roughly by share', () => {
    for (const operator of mobileOperators) {
      const own = stations.filter((s) => s.operatorId === operator.id);
      expect(Math.abs(own.length / 1208 - operator.share)).toBeLessThan(0.04);
      if (operator.share > 0.2) expect(new Set(own.map((s) => s.districtCode)).size).toBe(9);
    }
    expect(stations.some((s) => s.operatorId === 'fpt')).toBe(false);
  });

  it('is deterministic and refuses impossible counts', () => {
    expect(plan()).toEqual(stations);
    expect(() => planBtsStations(communes, mobileOperators, createRandom(1), { total: 200, lte: 100 })).toThrow(/one per commune/);
  });
});

describe('postal points', () => {
  it('has 47 post offices, 84 post-culture points, 116 others, and a point in each of the 85 rural communes', () => {
    const points = planPostalPoints(units);
    expect(points).toHaveLength(247);
    const count = (kind: string) => points.filter((p) => p.kind === kind).length;
    expect([count('POST_OFFICE'), count('COMMUNE_POST_CULTURE'), count('OTHER')]).toEqual([47, 84, 116]);
    const rural = units.filter((u) => u.level === 'COMMUNE' && u.rural).map((u) => u.code);
    expect(rural).toHaveLength(85);
    const covered = new Set(points.map((p) => p.communeCode));
    expect(rural.every((code) => covered.has(code))).toBe(true);
  });
});
