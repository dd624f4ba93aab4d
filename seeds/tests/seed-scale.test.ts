import { describe, expect, it } from 'vitest';
import { dossierTotals2022 } from '../src/egov/dossier-distribution';
import { interleavedIds } from '../src/egov/dossiers.seed';
import { maxSeedScale, seedLabel, seedScaleOf } from '../src/seed';
import { alerts2022, buildAlerts, scaleAlerts } from '../src/security/alerts.seed';
import { buildProfiles } from '../src/security/profiles.seed';

describe('the seed scale factor (SEED_SCALE)', () => {
  it('is 1 when unset and reads positive integers', () => {
    expect(seedScaleOf(undefined)).toBe(1);
    expect(seedScaleOf('')).toBe(1);
    expect(seedScaleOf('4')).toBe(4);
    expect(seedScaleOf(16)).toBe(16);
    expect(seedScaleOf(String(maxSeedScale))).toBe(maxSeedScale);
  });

  it.each(['0', '-1', '1.5', '4x', 'abc', ' ', String(maxSeedScale + 1)])('refuses %j with a clear error', (value) => {
    expect(() => seedScaleOf(value)).toThrow(/SEED_SCALE must be a positive integer from 1 to 32/);
  });

  it('labels a scaled data set apart in the ledger, so changing the scale seeds again', () => {
    expect(seedLabel('full', 1)).toBe('full');
    expect(seedLabel('full', 4)).toBe('full×4');
  });

  it('gives the copies of the dossiers distinct ids below the live ones (10,000,001 on)', () => {
    const ranks = [1, 2, 3, dossierTotals2022.received];
    expect(interleavedIds(ranks, 1, 0)).toEqual(ranks);
    const ids = [0, 1, 2, 3].flatMap((copy) => interleavedIds(ranks, 4, copy));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...interleavedIds([dossierTotals2022.received], maxSeedScale, maxSeedScale - 1))).toBeLessThan(10_000_001);
  });
});

describe('scaled alerts', () => {
  const profiles = buildProfiles();
  const isOpen = (status: string) => ['NEW', 'ACKNOWLEDGED', 'INVESTIGATING'].includes(status);

  it('are the 2022 alerts at scale 1', () => {
    expect(scaleAlerts(profiles, 1)).toEqual(buildAlerts(profiles));
  });

  it('are N years of 2022 at scale N: distinct incidents, one open alert per fingerprint, in first-seen order', () => {
    const { alerts, incidents } = scaleAlerts(profiles, 4);
    const base = buildAlerts(profiles);
    expect(alerts).toHaveLength(4 * (alerts2022.VULNERABILITY + alerts2022.MALWARE));
    expect(alerts.filter((a) => a.kind === 'MALWARE')).toHaveLength(4 * alerts2022.MALWARE);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
    expect(incidents.length).toBeGreaterThan(base.incidents.length);
    const ids = new Set(incidents.map((i) => i.id));
    expect(alerts.every((a) => a.incidentId === null || ids.has(a.incidentId))).toBe(true);
    const open = alerts.filter((a) => isOpen(a.status)).map((a) => a.fingerprint);
    expect(new Set(open).size).toBe(open.length);
    expect(alerts.every((a, i) => i === 0 || alerts[i - 1]!.firstSeen.getTime() <= a.firstSeen.getTime())).toBe(true);
    expect(alerts.every((a) => a.closedAt === null || a.closedAt.getTime() >= a.lastSeen.getTime())).toBe(true);
  });
});
