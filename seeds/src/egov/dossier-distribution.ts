import { dayOfDate, vietnamInstant } from '@ioc/kit';
import { addWorkingDays, isWorkingDay } from '@ioc/egov/calendar';
import { createRandom, type Random } from '../random';
import { apportion, type ServiceRecord, type Tier } from './procedure-catalogue';

/**
 * The 2022 dossiers, one row each. The plan gives only totals (288,374 received: 45,173 online,
 * 243,201 in person; 281,494 resolved; level-3 services 107,550 of which 16,191 online, level-4
 * services 159,024 of which 28,982 online; 72.52% of services with at least one dossier), so the
 * rows are synthetic and every total comes out exactly by construction: each (service level,
 * channel) bucket gets its exact count, and exactly `received - resolved` stay in process.
 * Within the buckets volumes follow working days (in-person counters close on weekends and days
 * off, online submissions slow down), the districts' populations, and a skewed popularity of
 * services. Pure and deterministic: same inputs and seed, same rows.
 */
export const dossierTotals2022 = {
  received: 288_374,
  online: 45_173,
  resolved: 281_494,
  level3: { received: 107_550, online: 16_191 },
  level4: { received: 159_024, online: 28_982 },
  /** Share of online services that received at least one dossier. */
  servicesWithDossiersShare: 0.7252,
} as const;

export interface DossierTotals {
  received: number;
  online: number;
  resolved: number;
  level3: { received: number; online: number };
  level4: { received: number; online: number };
  servicesWithDossiersShare: number;
}

export interface CommuneWeight {
  code: string;
  districtCode: string;
  /** Relative population (any scale). */
  population: number;
  /** How much more than average its residents file online (1 = average). */
  onlinePropensity: number;
}

/** Columnar rows, ready for `INSERT ... SELECT FROM unnest(...)`. Ids are 1..n in order of receipt. */
export interface DossierColumns {
  id: number[];
  serviceId: string[];
  procedureId: string[];
  serviceLevel: number[];
  agencyId: string[];
  districtCode: string[];
  communeCode: string[];
  channel: Array<'ONLINE' | 'IN_PERSON'>;
  status: Array<'PROCESSING' | 'RESOLVED'>;
  receivedAt: string[];
  dueAt: string[];
  resolvedAt: Array<string | null>;
}

/** Scales the plan's totals down (small test profile) keeping every proportion. */
export function scaleTotals(totals: DossierTotals, received: number): DossierTotals {
  if (received >= totals.received) return totals;
  const f = received / totals.received;
  const [l3In, l3On, l4In, l4On, other] = apportion(received, [
    totals.level3.received - totals.level3.online,
    totals.level3.online,
    totals.level4.received - totals.level4.online,
    totals.level4.online,
    totals.received - totals.level3.received - totals.level4.received,
  ]) as [number, number, number, number, number];
  void other;
  return {
    received,
    online: l3On + l4On,
    resolved: Math.round(totals.resolved * f),
    level3: { received: l3In + l3On, online: l3On },
    level4: { received: l4In + l4On, online: l4On },
    servicesWithDossiersShare: totals.servicesWithDossiersShare,
  };
}

/** Cumulative-weight sampler: O(log n) per draw. */
export function sampler<T>(items: readonly T[], weights: readonly number[], random: Random): () => T {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cumulative[i] = sum += w));
  if (!(sum > 0)) throw new Error('sampler: weights sum to zero');
  return () => {
    const r = random.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Relative volume by month: the Tết dip in February, the year-end rush. */
const monthFactor = [0.95, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 1.2];
/** Online filing grew through 2022 (campaigns, one-stop centres helping people file online). */
const onlineMonthFactor = [0.7, 0.6, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.15, 1.25, 1.3, 1.4];

export interface GenerateOptions {
  year: number;
  totals: DossierTotals;
  services: readonly ServiceRecord[];
  communes: readonly CommuneWeight[];
  seed?: number;
}

export function generateDossiers(options: GenerateOptions): DossierColumns {
  const { year, totals, services, communes } = options;
  const random = createRandom(options.seed ?? 2022_0001);

  // Days of the year with weights per channel.
  const first = dayOfDate(`${year}-01-01`);
  const days = Array.from({ length: dayOfDate(`${year + 1}-01-01`) - first }, (_, i) => first + i);
  const monthOf = (day: number) => new Date(day * 86_400_000).getUTCMonth();
  const inPersonDay = sampler(days, days.map((d) => (isWorkingDay(d) ? monthFactor[monthOf(d)]! : 0)), random);
  const onlineDay = sampler(days, days.map((d) => (isWorkingDay(d) ? 1 : 0.3) * onlineMonthFactor[monthOf(d)]!), random);

  const inPersonCommune = sampler(communes, communes.map((c) => c.population), random);
  const onlineCommune = sampler(communes, communes.map((c) => c.population * c.onlinePropensity), random);

  // Buckets: exact counts per (level, channel).
  const other = totals.received - totals.level3.received - totals.level4.received;
  if (totals.online !== totals.level3.online + totals.level4.online) throw new Error('dossiers: online total must equal level-3 + level-4 online');
  if (other < 0) throw new Error('dossiers: level totals exceed the received total');
  const buckets: Array<{ level: 2 | 3 | 4; online: number; inPerson: number }> = [
    { level: 2, online: 0, inPerson: other },
    { level: 3, online: totals.level3.online, inPerson: totals.level3.received - totals.level3.online },
    { level: 4, online: totals.level4.online, inPerson: totals.level4.received - totals.level4.online },
  ];

  // Services with dossiers: the plan's share of all services, apportioned over levels by size.
  const byLevel = new Map<number, ServiceRecord[]>([2, 3, 4].map((level) => [level, services.filter((s) => s.level === level)]));
  const withDossiers = Math.round(services.length * totals.servicesWithDossiersShare);
  const activeCounts = apportion(withDossiers, buckets.map((b) => byLevel.get(b.level)!.length));

  const n = totals.received;
  const rows = {
    service: new Array<ServiceRecord>(n),
    channel: new Array<'ONLINE' | 'IN_PERSON'>(n),
    day: new Int32Array(n),
    minute: new Int32Array(n),
    commune: new Array<CommuneWeight>(n),
  };
  let at = 0;
  const tierWeight: Record<Tier, number> = { PROVINCE: 1, DISTRICT: 1.3, COMMUNE: 1.6 };
  buckets.forEach((bucket, b) => {
    const total = bucket.online + bucket.inPerson;
    if (total === 0) return;
    const active = random.shuffle(byLevel.get(bucket.level)!).slice(0, Math.min(activeCounts[b]!, total));
    if (active.length === 0) throw new Error(`dossiers: no level-${bucket.level} services for ${total} dossiers`);
    // Zipf-like popularity: a few services take most dossiers, as on every portal.
    const popularity = active.map((service, rank) => tierWeight[service.authorityLevel] / Math.pow(rank + 1, 0.9));
    const pick = sampler(active, popularity, random);
    for (let i = 0; i < total; i++, at++) {
      const online = i < bucket.online;
      // The first dossiers of the bucket go one to each active service, so each has at least one.
      const inPersonIndex = i - bucket.online;
      rows.service[at] = online || inPersonIndex >= active.length ? pick() : active[inPersonIndex]!;
      rows.channel[at] = online ? 'ONLINE' : 'IN_PERSON';
      rows.day[at] = online ? onlineDay() : inPersonDay();
      // In person: office hours 07:30–11:30 and 13:30–17:00; online: any time, mostly daytime.
      rows.minute[at] = online
        ? random.next() < 0.85 ? random.int(6 * 60, 22 * 60 - 1) : random.int(0, 24 * 60 - 1)
        : random.next() < 4 / 7.5 ? random.int(7 * 60 + 30, 11 * 60 + 29) : random.int(13 * 60 + 30, 16 * 60 + 59);
      rows.commune[at] = online ? onlineCommune() : inPersonCommune();
    }
  });
  if (at !== n) throw new Error(`dossiers: generated ${at} of ${n}`);

  // Chronological ids.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rows.day[a]! * 1440 + rows.minute[a]! - (rows.day[b]! * 1440 + rows.minute[b]!) || a - b);

  // Exactly `received - resolved` still in process: weighted towards the last weeks of the year.
  const pending = totals.received - totals.resolved;
  const lastDay = days[days.length - 1]!;
  const keys = order.map((index) => Math.pow(random.next(), 1 / Math.exp((rows.day[index]! - lastDay) / 12)));
  const pendingRanks = new Set(
    keys
      .map((key, rank) => ({ key, rank }))
      .sort((a, b) => b.key - a.key)
      .slice(0, pending)
      .map((entry) => entry.rank),
  );

  const out: DossierColumns = {
    id: [], serviceId: [], procedureId: [], serviceLevel: [], agencyId: [], districtCode: [], communeCode: [],
    channel: [], status: [], receivedAt: [], dueAt: [], resolvedAt: [],
  };
  const dueCache = new Map<number, number>();
  order.forEach((index, rank) => {
    const service = rows.service[index]!;
    const commune = rows.commune[index]!;
    const day = rows.day[index]!;
    const minute = rows.minute[index]!;
    const received = vietnamInstant(day, 0, minute).getTime();
    const dueKey = day * 100 + service.processingDays;
    let dueDay = dueCache.get(dueKey);
    if (dueDay === undefined) dueCache.set(dueKey, (dueDay = addWorkingDays(day, service.processingDays)));
    const due = vietnamInstant(dueDay, 17, 0).getTime();
    out.id.push(rank + 1);
    out.serviceId.push(service.id);
    out.procedureId.push(service.procedureId);
    out.serviceLevel.push(service.level);
    out.agencyId.push(
      service.authorityLevel === 'PROVINCE' ? service.agencyId
      : service.authorityLevel === 'DISTRICT' ? `ubnd-${commune.districtCode}`
      : `ubnd-${commune.code}`,
    );
    out.districtCode.push(commune.districtCode);
    out.communeCode.push(commune.code);
    out.channel.push(rows.channel[index]!);
    out.receivedAt.push(new Date(received).toISOString());
    out.dueAt.push(new Date(due).toISOString());
    if (pendingRanks.has(rank)) {
      out.status.push('PROCESSING');
      out.resolvedAt.push(null);
    } else {
      out.status.push('RESOLVED');
      // 96% on time (mostly well before the deadline), the rest 1–15 days late.
      const resolved = random.next() < 0.96
        ? received + Math.pow(random.next(), 1.5) * (due - received)
        : due + random.int(1, 15) * 86_400_000 + random.int(0, 8 * 60) * 60_000;
      out.resolvedAt.push(new Date(Math.round(resolved)).toISOString());
    }
  });
  return out;
}
