import { vietnamOffsetMs } from '@ioc/kit';
import type { FeedCatalogue } from '@ioc/seeds/feed-catalogue';
import { createRandom, type Random } from '@ioc/seeds/random';
import { repeatRecord, suricataAlert, wazuhAlert, type SocRecord } from './soc';

export const eventKinds = ['alert', 'bts', 'server-health', 'dossier', 'resolution', 'feedback', 'server-add', 'server-retire'] as const;
export type EventKind = (typeof eventKinds)[number];

/**
 * One event to send: a mutation's variables, or for an alert a SOC record (`SocRecord`). `dossier`
 * numbers the feed's received dossiers; `resolves` names the n-th, whose id only the gateway's
 * answer gives. `server` and `retires` do the same for the synthetic servers it adds and retires.
 */
export interface FeedEvent {
  kind: EventKind;
  at: string;
  variables: Record<string, unknown>;
  dossier?: number;
  resolves?: number;
  server?: number;
  retires?: number;
}

/** SOC alerts go to the ingest endpoints as the tools' own records; every other kind is a mutation. */
export type GraphqlKind = Exclude<EventKind, 'alert'>;
export const isGraphqlKind = (kind: EventKind): kind is GraphqlKind => kind !== 'alert';

/**
 * Each kind's subgraph and batch mutation (`receiveDossiers(items: [...])`: one transaction, one
 * event per record), its list argument and item type, how many items one call takes (the schema's
 * bound), what it reads back, and an event's item: `batch.ts` writes the events of one subgraph
 * as one field per kind in one operation.
 */
export const mutations = {
  bts: { subgraph: 'infrastructure', field: 'setBtsStatuses', list: 'items', itemType: 'BtsStatusReportInput!', maxItems: 200, selection: '{ id status }', item: (v: Record<string, unknown>) => ({ id: v.id, status: v.status, reason: v.reason }) },
  'server-health': { subgraph: 'infrastructure', field: 'setServersHealth', list: 'items', itemType: 'ServerHealthReportInput!', maxItems: 200, selection: '{ id health }', item: (v: Record<string, unknown>) => ({ id: v.id, health: v.health }) },
  dossier: { subgraph: 'egov', field: 'receiveDossiers', list: 'items', itemType: 'ReceiveDossierItemInput!', maxItems: 100, selection: '{ id }', item: (v: Record<string, unknown>) => ({ input: v.input, applicant: v.applicant }) },
  resolution: { subgraph: 'egov', field: 'resolveDossiers', list: 'items', itemType: 'ResolveDossierItemInput!', maxItems: 100, selection: '{ id }', item: (v: Record<string, unknown>) => ({ id: v.id, resolvedAt: v.resolvedAt }) },
  feedback: { subgraph: 'egov', field: 'receiveFeedbacks', list: 'inputs', itemType: 'ReceiveFeedbackInput!', maxItems: 100, selection: '{ id }', item: (v: Record<string, unknown>) => v.input },
  // No batch form: one field per event (`list` is the argument, `itemType` its type).
  'server-add': { subgraph: 'infrastructure', field: 'addServer', list: 'input', itemType: 'AddServerInput!', maxItems: 1, single: true, selection: '{ id }', item: (v: Record<string, unknown>) => v.input },
  'server-retire': { subgraph: 'infrastructure', field: 'retireServer', list: 'id', itemType: 'String!', maxItems: 1, single: true, selection: '{ id }', item: (v: Record<string, unknown>) => v.id },
} as const satisfies Record<GraphqlKind, { subgraph: string; field: string; list: string; itemType: string; maxItems: number; single?: boolean; selection: string; item: (variables: Record<string, unknown>) => unknown }>;

/**
 * Relative frequencies on a working day: dossiers dominate, SOC alerts are a few a minute; now and
 * then a synthetic VM is put into service, and later one the feed added retired.
 */
const baseWeights: Record<EventKind, number> = { alert: 3, bts: 2, 'server-health': 2, dossier: 8, resolution: 6, feedback: 1, 'server-add': 0.01, 'server-retire': 0.01 };

/** The feed's own VMs in service at once: well below the 20 the infrastructure subgraph allows the ingest role. */
export const maxOwnServers = 5;

const workingMinutes = { from: 7 * 60 + 30, to: 17 * 60 };
/** Office hours Monday to Friday on the kit's Vietnam clock. */
export function isWorkingTime(at: Date): boolean {
  const local = new Date(at.getTime() + vietnamOffsetMs);
  const day = local.getUTCDay();
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return day >= 1 && day <= 5 && minutes >= workingMinutes.from && minutes < workingMinutes.to;
}

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Thạch', 'Kim', 'Sơn', 'Huỳnh', 'Võ', 'Dương'];
const middles = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hoàng'];
const givens = ['An', 'Bình', 'Chi', 'Dũng', 'Hoa', 'Khánh', 'Lan', 'Phúc', 'Sương', 'Tâm'];
const feedbackTopics = [
  { category: 'INFRASTRUCTURE', title: 'Đèn đường hư', content: 'Đèn đường trước nhà văn hoá ấp bị hư nhiều ngày.' },
  { category: 'ENVIRONMENT', title: 'Rác thải ven kênh', content: 'Rác thải tồn đọng ven kênh, đề nghị thu gom.' },
  { category: 'ADMINISTRATIVE_PROCEDURE', title: 'Hồ sơ trễ hạn', content: 'Hồ sơ nộp trực tuyến đã quá hạn hẹn trả kết quả.' },
  { category: 'LAND', title: 'Tranh chấp ranh đất', content: 'Đề nghị xã hoà giải tranh chấp ranh đất giữa hai hộ.' },
  { category: 'HEALTH', title: 'Trạm y tế', content: 'Trạm y tế xã thiếu thuốc thông thường.' },
  { category: 'EDUCATION', title: 'Đường đến trường', content: 'Đường đến trường ngập nước khi triều cường.' },
] as const;
/**
 * Records the feed creates carry `synthetic: true` like the seeds' (dossiers and feedback in their
 * inputs; SOC records, sent as the tools write them, with `?synthetic=true` on the ingest
 * endpoint); the text mark also tags what has no such column (a BTS status change's reason, an
 * applicant's name).
 */
export const syntheticMark = '[synthetic]';

const healthStates = ['HEALTHY', 'WARNING', 'CRITICAL', 'OFFLINE'] as const;
const healthWeights = { HEALTHY: 6, WARNING: 3, CRITICAL: 1, OFFLINE: 0.3 };

interface State {
  random: Random;
  clock: number;
  serial: number;
  dossiers: number;
  resolved: number;
  /** A storm spell over one district: outages cluster there until it passes. */
  storm: { districtCode: string; until: number } | null;
  down: string[];
  health: Map<string, (typeof healthStates)[number]>;
  /** Recent SOC records, replayed now and then so deduplication shows. */
  recentAlerts: SocRecord[];
  /** Synthetic servers added (their ordinals), and those of them not yet retired. */
  serversAdded: number;
  serversActive: number[];
}

export interface GeneratorOptions {
  seed: number;
  catalogue: FeedCatalogue;
  /** Simulated clock start and the mean spacing of events (ms); the runner paces the real time. */
  start: Date;
  intervalMs: number;
  /** Dossiers and resolutions at any hour, not only in working hours: a load test at night still mixes every kind. */
  anyHour?: boolean;
}

/**
 * The feed's event sequence: a pure function of seed, catalogue and clock, so the same seed gives
 * the same events (`next()` for the next one, `one(kind)` for `--once`).
 */
export function createGenerator(options: GeneratorOptions) {
  const { catalogue } = options;
  const state: State = { random: createRandom(options.seed), clock: options.start.getTime(), serial: 0, dossiers: 0, resolved: 0, storm: null, down: [], health: new Map(), recentAlerts: [], serversAdded: 0, serversActive: [] };
  const hosts = catalogue.servers.filter((s) => s.kind === 'PHYSICAL');
  const districts = [...new Set(catalogue.stations.map((s) => s.districtCode))].sort();
  const communeWeights = catalogue.communes.map((c) => c.weight);
  // Alerts name a server and the system it serves; hosts and idle VMs serve none.
  const watched = catalogue.servers.filter((s) => s.systemCodes.length > 0);

  const make = (kind: EventKind, variables: Record<string, unknown>, order: Pick<FeedEvent, 'dossier' | 'resolves' | 'server' | 'retires'> = {}): FeedEvent => ({
    kind,
    at: new Date(state.clock).toISOString(),
    variables,
    ...order,
  });

  const builders: Record<EventKind, () => FeedEvent> = {
    alert() {
      const { random } = state;
      const at = new Date(state.clock);
      if (state.recentAlerts.length > 0 && random.next() < 0.25) return make('alert', repeatRecord(random, random.pick(state.recentAlerts), at, ++state.serial));
      const server = random.pick(watched);
      const soc: SocRecord = random.next() < 0.6 ? { source: 'wazuh', record: wazuhAlert(random, server, at, ++state.serial) } : { source: 'suricata', record: suricataAlert(random, server, at) };
      state.recentAlerts = [soc, ...state.recentAlerts].slice(0, 20);
      return make('alert', soc);
    },
    bts() {
      const { random } = state;
      if (!state.storm && random.next() < 0.05) state.storm = { districtCode: random.pick(districts), until: state.clock + random.int(30, 180) * 60_000 };
      if (state.storm && state.clock > state.storm.until) state.storm = null;
      const recover = state.down.length > 0 && random.next() < (state.storm ? 0.3 : 0.6);
      if (recover) {
        const id = state.down.splice(random.int(0, state.down.length - 1), 1)[0]!;
        return make('bts', { id, status: 'UP', reason: `Đã khắc phục ${syntheticMark}` });
      }
      const district = state.storm && random.next() < 0.8 ? state.storm.districtCode : random.pick(districts);
      const station = random.pick(catalogue.stations.filter((s) => s.districtCode === district));
      const status = random.next() < 0.6 ? 'DOWN' : 'DEGRADED';
      if (!state.down.includes(station.id)) state.down.push(station.id);
      return make('bts', { id: station.id, status, reason: `${state.storm ? 'Mưa bão, mất điện lưới' : 'Mất kết nối truyền dẫn'} ${syntheticMark}` });
    },
    'server-health'() {
      const { random } = state;
      const server = random.pick(catalogue.servers);
      // A report of the state it already has changes nothing and reaches no subscriber.
      const last = state.health.get(server.id) ?? 'HEALTHY';
      const choices = healthStates.filter((h) => h !== last);
      const health = random.weighted(choices, choices.map((h) => healthWeights[h]));
      state.health.set(server.id, health);
      return make('server-health', { id: server.id, health });
    },
    dossier() {
      const { random } = state;
      const commune = random.weighted(catalogue.communes, communeWeights);
      const service = random.pick(catalogue.services);
      const online = service.level === 4 && random.next() < Math.min(0.9, 0.3 * commune.onlinePropensity);
      state.dossiers += 1;
      return make('dossier', {
        input: { channel: online ? 'ONLINE' : 'IN_PERSON', communeCode: commune.code, serviceId: service.id, receivedAt: new Date(state.clock).toISOString(), synthetic: true },
        applicant: { fullName: `${random.pick(surnames)} ${random.pick(middles)} ${random.pick(givens)} ${syntheticMark}` },
      }, { dossier: state.dossiers });
    },
    resolution() {
      const n = state.resolved + 1;
      state.resolved = n;
      return make('resolution', { id: '', resolvedAt: new Date(state.clock).toISOString() }, { resolves: n });
    },
    feedback() {
      const { random } = state;
      const topic = random.pick(feedbackTopics);
      const commune = random.weighted(catalogue.communes, communeWeights);
      return make('feedback', {
        input: {
          category: topic.category,
          channel: random.pick(['PORTAL', 'HOTLINE', 'SMART_TRA_VINH', 'EMAIL', 'IN_PERSON']),
          citizenName: `${random.pick(surnames)} ${random.pick(middles)} ${random.pick(givens)}`,
          communeCode: commune.code,
          title: topic.title,
          content: `${topic.content} ${syntheticMark}`,
          synthetic: true,
        },
      });
    },
    'server-add'() {
      const { random } = state;
      const n = ++state.serversAdded;
      state.serversActive.push(n);
      // A small VM (any host has room for it) on an address of the feed's own range.
      return make('server-add', {
        input: { kind: 'VIRTUAL', hostId: random.pick(hosts).id, cpuCores: 1, memoryGb: 2, diskGb: 20, ipv4: `10.254.${random.int(0, 255)}.${random.int(1, 254)}`, systemIds: [], synthetic: true },
      }, { server: n });
    },
    'server-retire'() {
      const n = state.serversActive.length > 0 ? state.serversActive.splice(state.random.int(0, state.serversActive.length - 1), 1)[0]! : state.serversAdded;
      return make('server-retire', { id: '' }, { retires: n });
    },
  };

  return {
    /** The next event on the simulated clock; dossiers only in working hours, resolutions only of received ones. */
    next(): FeedEvent {
      state.clock += Math.round(state.random.next() * 2 * options.intervalMs);
      const working = options.anyHour === true || isWorkingTime(new Date(state.clock));
      const possible = (kind: EventKind): boolean => {
        if (kind === 'dossier' || kind === 'resolution') return working && (kind === 'dossier' || state.resolved < state.dossiers);
        if (kind === 'server-add') return state.serversActive.length < maxOwnServers;
        if (kind === 'server-retire') return state.serversActive.length > 0;
        return true;
      };
      const weights = eventKinds.map((kind) => (possible(kind) ? baseWeights[kind] : 0));
      return builders[state.random.weighted(eventKinds, weights)]();
    },
    /** One event of a kind, whatever the hour (`--once` asks for them in `eventKinds` order, dossier before resolution, a server added before one retired). */
    one(kind: EventKind): FeedEvent {
      return builders[kind]();
    },
    /** Retirements of the servers it added and has not retired: a run ends with the data centre as it found it. */
    closing(): FeedEvent[] {
      return state.serversActive.splice(0).map((n) => make('server-retire', { id: '' }, { retires: n }));
    },
  };
}
export type Generator = ReturnType<typeof createGenerator>;
