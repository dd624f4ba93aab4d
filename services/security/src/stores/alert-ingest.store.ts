import { publishAll, recordAudit, withTransaction, type AuditActor, type EventBus } from '@ioc/kit';
import type { DataSource } from 'typeorm';
import { AssetIndex, type AssetLink, type SystemFacts } from '../domain/asset-link';
import { ingestFingerprint } from '../domain/fingerprint';
import type { NormalisedAlert } from '../domain/normalised-alert';
import { alertPriority } from '../domain/priority';
import { severityWeight } from '../domain/severity';
import { openStatusesSql, severityWeightSql } from '../sql/alert.sql';
import { countMuted, suppressionMatcher } from './suppression.store';
import { enqueueCriticalAlerts } from './webhook.store';
import { securityEnv } from '../env';

/** What one committed batch did. */
export interface BatchOutcome {
  accepted: number;
  duplicates: number;
  suppressed: number;
}

/** The catalogue events are linked with: monitored servers and the systems' owners and levels (two small reads). */
export async function loadAssetIndex(db: DataSource): Promise<AssetIndex> {
  const [servers, systems] = await Promise.all([
    db.query<Array<{ serverId: string; hostname: string | null; ipv4: string | null; systemIds: string[] }>>(
      'SELECT server_id AS "serverId", hostname, ipv4, system_ids AS "systemIds" FROM monitored_server',
    ),
    db.query<Array<{ systemId: string; ownerAgencyId: string; level: number | null }>>(
      'SELECT system_id AS "systemId", owner_agency_id AS "ownerAgencyId", level FROM security_profile',
    ),
  ]);
  return new AssetIndex(servers, new Map<string, SystemFacts>(systems.map((system) => [system.systemId, system])));
}

interface LinkedEvent {
  alert: NormalisedAlert;
  link: AssetLink;
  fingerprint: string;
  priority: number;
}

/** New events with one fingerprint, folded into one row (a single INSERT may not touch a row twice). */
interface Fold {
  first: LinkedEvent;
  worst: LinkedEvent;
  occurrences: number;
  firstSeen: Date;
  lastSeen: Date;
  priority: number;
  /** The ATT&CK ids of all the fold's events, in the order first seen. */
  techniques: Set<string>;
  tactics: Set<string>;
}

/**
 * Writes a batch of normalised events in one transaction: the events themselves (a re-sent one
 * hits the primary key and is a duplicate), then one upsert for the alerts, folding new events
 * into the open alert with the same fingerprint; muted events go to their rule's counter. Events
 * on the bus are delivered on commit, which is also when the caller may answer 2xx.
 */
export async function commitBatch(
  db: DataSource,
  bus: EventBus,
  assets: AssetIndex,
  events: readonly NormalisedAlert[],
  actor: AuditActor & { operation: string },
  /** New alerts are a demo feed's or a load test's (`?synthetic=true`), marked like the seeds' records. */
  options: { synthetic?: boolean } = {},
): Promise<BatchOutcome> {
  if (!events.length) return { accepted: 0, duplicates: 0, suppressed: 0 };
  const seen = new Set<string>();
  const unique: LinkedEvent[] = [];
  for (const alert of events) {
    const key = eventKey(alert);
    if (seen.has(key)) continue;
    seen.add(key);
    const link = assets.link(alert.asset);
    unique.push({
      alert,
      link,
      fingerprint: ingestFingerprint({ source: alert.source, kind: alert.kind, ruleId: alert.ruleId, assetKey: link.assetKey, cve: alert.cve }),
      priority: alertPriority(alert.severity, link.level),
    });
  }
  // Concurrent bodies lock the same event keys and alerts: every transaction takes them in one
  // order (sorted), or two of them wait on each other and PostgreSQL aborts one ("deadlock detected").
  unique.sort((a, b) => compareText(eventKey(a.alert), eventKey(b.alert)));
  const times = unique.map((event) => event.alert.observedAt.getTime());
  const from = new Date(Math.min(...times));
  const to = new Date(Math.max(...times));

  return withTransaction(db, async (tx) => {
    const mutedBy = await suppressionMatcher(tx.manager, from, to);
    const rules = unique.map(
      ({ alert, link }) => mutedBy({ source: alert.source, ruleId: alert.ruleId, cve: alert.cve, serverId: link.serverId, observedAt: alert.observedAt })?.id ?? null,
    );
    const inserted = await tx.query<Array<{ source: string; source_event_id: string }>>(
      `INSERT INTO alert_event (source, source_event_id, fingerprint, observed_at, suppressed_by)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])
       ON CONFLICT (source, source_event_id) DO NOTHING
       RETURNING source, source_event_id`,
      [unique.map((e) => e.alert.source), unique.map((e) => e.alert.sourceEventId), unique.map((e) => e.fingerprint), unique.map((e) => e.alert.observedAt), rules],
    );
    const fresh = new Set(inserted.map((row) => eventKey({ source: row.source, sourceEventId: row.source_event_id })));
    const muted = new Map<string, { events: number; lastSeen: Date }>();
    const folds = new Map<string, Fold>();
    unique.forEach((event, index) => {
      if (!fresh.has(eventKey(event.alert))) return;
      const rule = rules[index];
      if (rule) {
        const count = muted.get(rule);
        muted.set(rule, { events: (count?.events ?? 0) + 1, lastSeen: count && count.lastSeen > event.alert.observedAt ? count.lastSeen : event.alert.observedAt });
        return;
      }
      const fold = folds.get(event.fingerprint);
      const at = event.alert.observedAt;
      if (!fold) {
        const { mitreTechniques, mitreTactics } = event.alert;
        folds.set(event.fingerprint, { first: event, worst: event, occurrences: 1, firstSeen: at, lastSeen: at, priority: event.priority, techniques: new Set(mitreTechniques), tactics: new Set(mitreTactics) });
        return;
      }
      fold.occurrences += 1;
      if (at < fold.firstSeen) fold.firstSeen = at;
      if (at > fold.lastSeen) fold.lastSeen = at;
      if (severityWeight[event.alert.severity] > severityWeight[fold.worst.alert.severity]) fold.worst = event;
      fold.priority = Math.max(fold.priority, event.priority);
      for (const id of event.alert.mitreTechniques) fold.techniques.add(id);
      for (const id of event.alert.mitreTactics) fold.tactics.add(id);
    });
    await countMuted(tx.manager, muted);
    const written = await upsertAlerts(tx.query, [...folds.values()].sort((a, b) => compareText(a.first.fingerprint, b.first.fingerprint)), options.synthetic === true);
    const raised = written.filter((row) => row.inserted).map((row) => ({ id: row.id }));
    const updated = written.filter((row) => !row.inserted).map((row) => ({ id: row.id }));
    await publishAll(bus, 'alert.raised', raised, tx);
    await enqueueCriticalAlerts(tx.manager, raised.map((row) => row.id), securityEnv().WEBHOOK_URLS);
    await publishAll(bus, 'alert.updated', updated, tx);
    const suppressed = [...muted.values()].reduce((total, rule) => total + rule.events, 0);
    const outcome = { accepted: fresh.size - suppressed, duplicates: events.length - fresh.size, suppressed };
    if (fresh.size) {
      // One entry per batch: thousands of events a second cannot each have their own.
      await recordAudit(tx, actor, {
        operation: actor.operation,
        targetType: 'Alert',
        targetIds: written.map((row) => row.id),
        detail: { ...outcome, raised: raised.length, folded: updated.length, mutedBy: Object.fromEntries([...muted].map(([id, count]) => [id, count.events])) },
      });
    }
    return outcome;
  });
}

/** An event's identity at its source: a re-sent event has the same key. */
const eventKey = (event: { source: string; sourceEventId: string }) => `${event.source}|${event.sourceEventId}`;
/** Code-point order, the same in every process (localeCompare is not needed for lock order). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The open alert's ids, then the folded events' new ones: each once, in the order first seen. */
const mergedIdsSql = (column: string) =>
  `ARRAY(SELECT id FROM unnest(alert.${column} || EXCLUDED.${column}) WITH ORDINALITY AS ids (id, n) GROUP BY id ORDER BY min(n))`;

type Query = <T>(sql: string, params?: unknown[]) => Promise<T>;

/** One multi-row upsert: a fingerprint with an open alert bumps it, any other inserts a NEW alert. */
async function upsertAlerts(query: Query, folds: readonly Fold[], synthetic: boolean): Promise<Array<{ id: string; inserted: boolean }>> {
  if (!folds.length) return [];
  const column = <T>(pick: (fold: Fold) => T) => folds.map(pick);
  const first = (fold: Fold) => fold.first.alert;
  return query(
    `INSERT INTO alert (kind, title, description, cve, cvss_score, cvss_vector, severity, raw_severity, severity_scale, source, rule_id,
                        fingerprint, occurrences, first_seen, last_seen, status, priority, server_id, system_id, agency_id,
                        asset_name, asset_ip, mitre_techniques, mitre_tactics, synthetic)
     SELECT kind, title, description, cve, cvss_score, cvss_vector, severity, raw_severity, severity_scale, source, rule_id,
            fingerprint, occurrences, first_seen, last_seen, 'NEW', priority, server_id, system_id, agency_id,
            asset_name, asset_ip, string_to_array(techniques, ','), string_to_array(tactics, ','), $24::boolean
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                   $12::text[], $13::int[], $14::timestamptz[], $15::timestamptz[], $16::int[], $17::text[], $18::text[], $19::text[],
                   $20::text[], $21::text[], $22::text[], $23::text[])
         AS t (kind, title, description, cve, cvss_score, cvss_vector, severity, raw_severity, severity_scale, source, rule_id,
               fingerprint, occurrences, first_seen, last_seen, priority, server_id, system_id, agency_id,
               asset_name, asset_ip, techniques, tactics)
     ON CONFLICT (fingerprint) WHERE status IN ${openStatusesSql}
     DO UPDATE SET occurrences = alert.occurrences + EXCLUDED.occurrences,
                   first_seen = LEAST(alert.first_seen, EXCLUDED.first_seen),
                   last_seen = GREATEST(alert.last_seen, EXCLUDED.last_seen),
                   severity = CASE WHEN ${severityWeightSql('EXCLUDED.severity')} > ${severityWeightSql('alert.severity')} THEN EXCLUDED.severity ELSE alert.severity END,
                   raw_severity = CASE WHEN ${severityWeightSql('EXCLUDED.severity')} > ${severityWeightSql('alert.severity')} THEN EXCLUDED.raw_severity ELSE alert.raw_severity END,
                   severity_scale = CASE WHEN ${severityWeightSql('EXCLUDED.severity')} > ${severityWeightSql('alert.severity')} THEN EXCLUDED.severity_scale ELSE alert.severity_scale END,
                   priority = GREATEST(alert.priority, EXCLUDED.priority),
                   mitre_techniques = ${mergedIdsSql('mitre_techniques')},
                   mitre_tactics = ${mergedIdsSql('mitre_tactics')},
                   updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [
      column((f) => first(f).kind),
      column((f) => first(f).title),
      column((f) => first(f).description),
      column((f) => first(f).cve),
      column((f) => first(f).cvssScore),
      column((f) => first(f).cvssVector),
      column((f) => f.worst.alert.severity),
      column((f) => f.worst.alert.rawSeverity),
      column((f) => f.worst.alert.severityScale),
      column((f) => first(f).source),
      column((f) => first(f).ruleId),
      column((f) => f.first.fingerprint),
      column((f) => f.occurrences),
      column((f) => f.firstSeen),
      column((f) => f.lastSeen),
      column((f) => f.priority),
      column((f) => f.first.link.serverId),
      column((f) => f.first.link.systemId),
      column((f) => f.first.link.agencyId),
      column((f) => f.first.link.assetName),
      column((f) => f.first.link.assetIp),
      // text[][] cannot be unnested row by row: each row's ids travel as one comma-joined string (ids hold no commas).
      column((f) => [...f.techniques].join(',')),
      column((f) => [...f.tactics].join(',')),
      synthetic,
    ],
  );
}
