import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  agencyScopeOf,
  applyOrdering,
  badInput,
  checkYear,
  type Connection,
  connectionType,
  loadBy,
  type Ordering,
  ownRowOrNull,
  paginate,
  cachedRead,
  parseInstant,
  parseInstantRange,
  recordAudit,
  Roles,
  type SubgraphContext,
  vietnamYear,
  withTransaction,
} from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { Incident } from '../entities/incident.entity';
import { AlertsArgs } from '../args/alerts.args';
import { RaiseAlertInput } from '../inputs/raise-alert.input';
import { openStatusesSql, severityWeightSql } from '../sql/alert.sql';
import { alertFingerprint } from '../domain/fingerprint';
import { alertPriority } from '../domain/priority';
import { normaliseSeverity, SeverityFormatError } from '../domain/severity';
import { isOpen } from '../domain/workflow';
import { Agency } from '../stubs/agency.stub';
import { AlertStats } from '../types/alert-stats.type';
import { AlertKind, AlertOrder, AlertSeverity, AlertSource, AlertStatus } from '../enums/alert.enum';
import { InformationSystem } from '../stubs/information-system.stub';
import { securityReads } from '../loaders/read-cache.loader';
import { RaiseAlertResult } from '../types/raise-alert-result.type';
import { Server } from '../stubs/server.stub';
import { muteIfSuppressed } from '../stores/suppression.store';
import { auditedAlertFields, triageAlerts } from '../stores/triage.store';
import { enqueueCriticalAlerts } from '../stores/webhook.store';
import { securityEnv } from '../env';
import { checkListFilters, requireProfile, requireServer } from '../validation/existence.validation';

export const AlertConnection = connectionType(Alert, 'Alert');

const orderings: Record<AlertOrder, Ordering> = {
  [AlertOrder.LAST_SEEN_DESC]: [['a.lastSeen', 'DESC'], ['a.sequence', 'DESC']],
  [AlertOrder.FIRST_SEEN_DESC]: [['a.firstSeen', 'DESC'], ['a.sequence', 'DESC']],
  [AlertOrder.PRIORITY_DESC]: [['a.priority', 'DESC'], ['a.lastSeen', 'DESC'], ['a.sequence', 'DESC']],
  [AlertOrder.SEQUENCE_ASC]: [['a.sequence', 'ASC']],
};

const cvePattern = /^CVE-\d{4}-\d{4,}$/;

const maxTextLength = 2000;

/** Counts of alerts first seen in a year, by kind, severity, source and status (one query). */
export async function alertStatsFor(ctx: SubgraphContext, year: number): Promise<AlertStats> {
  const { start, end } = vietnamYear(checkYear(year));
  const rows: Array<{ kind: AlertKind; severity: AlertSeverity; source: AlertSource; status: AlertStatus; n: number }> = await ctx.db.query(
    `SELECT kind, severity, source, status, count(*)::int AS n FROM alert WHERE first_seen >= $1 AND first_seen < $2 GROUP BY 1, 2, 3, 4`,
    [start, end],
  );
  const sum = (keep: (row: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((total, row) => total + row.n, 0);
  return {
    year,
    total: sum(() => true),
    vulnerability: sum((row) => row.kind === AlertKind.VULNERABILITY),
    malware: sum((row) => row.kind === AlertKind.MALWARE),
    open: sum((row) => isOpen(row.status)),
    byKind: Object.values(AlertKind).map((kind) => ({ kind, count: sum((row) => row.kind === kind) })),
    bySeverity: Object.values(AlertSeverity).map((severity) => ({ severity, count: sum((row) => row.severity === severity) })),
    bySource: Object.values(AlertSource).map((source) => ({ source, count: sum((row) => row.source === source) })),
    byStatus: Object.values(AlertStatus).map((status) => ({ status, count: sum((row) => row.status === status) })),
  };
}

/**
 * Alert details are need-to-know (analysts, admins, an agency client for its own agency); viewers
 * may count alerts (`alerts { totalCount }`, `alertStats`) but not read them. See docs/security.md.
 */
@Resolver(() => Alert)
@Authorized(...Roles.socDetail)
export class AlertResolver {
  @Directive('@tag(name: "agency")')
  @Authorized(...Roles.agencyScoped)
  @Query(() => AlertConnection, {
    description: 'Alerts, filtered and sorted, as a cursor connection with the total count. Viewers may read `totalCount` only; an agency client sees its own agency\'s alerts.',
  })
  async alerts(@Args(() => AlertsArgs) args: AlertsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Alert>> {
    const range = parseInstantRange(args.from, args.to);
    await checkListFilters(ctx, 'Query.alerts', args);
    const query = ctx.db.getRepository(Alert).createQueryBuilder('a');
    if (args.kind) query.andWhere('a.kind = :kind', { kind: args.kind });
    if (args.status) query.andWhere('a.status = :status', { status: args.status });
    if (args.open === true) query.andWhere(`a.status IN ${openStatusesSql}`);
    if (args.open === false) query.andWhere(`a.status NOT IN ${openStatusesSql}`);
    if (args.severity) query.andWhere('a.severity = :severity', { severity: args.severity });
    if (args.source) query.andWhere('a.source = :source', { source: args.source });
    if (args.systemId) query.andWhere('a.system_id = :systemId', { systemId: args.systemId });
    if (args.serverId) query.andWhere('a.server_id = :serverId', { serverId: args.serverId });
    if (args.agencyId) query.andWhere('a.agency_id = :agencyId', { agencyId: args.agencyId });
    if (args.mitreTechnique && !/^T\d{4}(\.\d{3})?$/.test(args.mitreTechnique)) throw badInput('mitreTechnique', `"${args.mitreTechnique}" is not an ATT&CK technique id (T1110, T1110.001)`);
    if (args.mitreTactic && !/^TA\d{4}$/.test(args.mitreTactic)) throw badInput('mitreTactic', `"${args.mitreTactic}" is not an ATT&CK tactic id (TA0006)`);
    if (args.mitreTechnique) query.andWhere('a.mitre_techniques @> ARRAY[:technique]::text[]', { technique: args.mitreTechnique });
    if (args.mitreTactic) query.andWhere('a.mitre_tactics @> ARRAY[:tactic]::text[]', { tactic: args.mitreTactic });
    // An agency client's list is its own agency's, whatever it filters on (another agency: empty).
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('a.agency_id = :scope', { scope });
    if (range.from) query.andWhere('a.first_seen >= :from', { from: range.from });
    if (range.before) query.andWhere('a.first_seen < :before', { before: range.before });
    applyOrdering(query, orderings[args.orderBy ?? AlertOrder.LAST_SEEN_DESC]);
    // totalCount through the read cache, keyed by the count's SQL and parameters (filters and the
    // caller's agency scope); alert.raised/updated and any commit here clear it. The page is read each time.
    return paginate(query, args, { count: 'rows', cacheCount: (key, compute) => cachedRead(ctx, securityReads, key, compute) });
  }

  @Directive('@tag(name: "agency")')
  @Query(() => Alert, { nullable: true, description: 'One alert by id; null when unknown.' })
  async alert(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<Alert | null> {
    const alert = await ctx.db.getRepository(Alert).findOneBy({ id });
    return ownRowOrNull(ctx.principal, alert, alert?.agencyId);
  }

  @Authorized(...Roles.dashboard)
  @Query(() => AlertStats, { description: 'Alerts first seen in a calendar year (Vietnam time), by kind, severity, source and status.' })
  alertStats(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<AlertStats> {
    return alertStatsFor(ctx, year);
  }

  @Authorized(...Roles.alertRaise)
  @Mutation(() => RaiseAlertResult, {
    description: 'Records an alert from a tool. An open alert with the same fingerprint is bumped (occurrences, lastSeen, severity if higher) instead; an event a suppression rule mutes is counted on the rule and raises nothing. Publishes alert.raised or alert.updated.',
  })
  async raiseAlert(@Arg('input', () => RaiseAlertInput) input: RaiseAlertInput, @Ctx() ctx: SubgraphContext): Promise<RaiseAlertResult> {
    const title = input.title.trim();
    if (!title || title.length > 500) throw badInput('input.title', 'must be 1–500 characters');
    if (input.description && input.description.length > maxTextLength) throw badInput('input.description', `must be at most ${maxTextLength} characters`);
    let severity: AlertSeverity;
    try {
      severity = normaliseSeverity(input.source, input.rawSeverity);
    } catch (error) {
      if (error instanceof SeverityFormatError) throw badInput('input.rawSeverity', error.message);
      throw error;
    }
    if (input.cve && !cvePattern.test(input.cve)) throw badInput('input.cve', `"${input.cve}" is not a CVE id (CVE-YYYY-NNNN)`);
    if (input.cvssScore !== null && input.cvssScore !== undefined && !(input.cvssScore >= 0 && input.cvssScore <= 10)) {
      throw badInput('input.cvssScore', `must be 0–10, got ${input.cvssScore}`);
    }
    if (input.fingerprint !== null && input.fingerprint !== undefined && !/^[\w:.\-]{8,128}$/.test(input.fingerprint)) {
      throw badInput('input.fingerprint', 'must be 8–128 letters, digits, "_", "-", ":" or "."');
    }
    if (input.ruleId && !/^\s*\d{1,10}\s*$/.test(input.ruleId)) throw badInput('input.ruleId', `"${input.ruleId}" is not a rule or signature id (digits)`);
    const observedAt = input.observedAt ? parseInstant(input.observedAt, 'input.observedAt') : new Date();
    if (observedAt.getTime() > Date.now() + 5 * 60_000) throw badInput('input.observedAt', 'is in the future');

    const server = input.serverId ? await requireServer(ctx.db, input.serverId, 'input.serverId') : null;
    let systemId = input.systemId ?? null;
    if (!systemId) {
      if (!server) throw badInput('input.systemId', 'give the system, or a server that serves exactly one system');
      if (server.systemIds.length !== 1) throw badInput('input.systemId', `server "${server.serverId}" serves ${server.systemIds.length} systems: name the system`);
      systemId = server.systemIds[0]!;
    }
    const profile = await requireProfile(ctx.db, systemId, 'input.systemId');
    if (server && server.kind === 'VIRTUAL' && server.systemIds.length && !server.systemIds.includes(systemId)) {
      throw badInput('input.systemId', `server "${server.serverId}" does not serve system "${systemId}"`);
    }
    const fingerprint =
      input.fingerprint ?? alertFingerprint({ source: input.source, kind: input.kind, title, cve: input.cve, serverId: server?.serverId, systemId });
    const priority = alertPriority(severity, profile.level);

    return withTransaction(ctx.db, async (tx) => {
      const ruleId = input.ruleId?.trim() || null;
      const suppressedBy = await muteIfSuppressed(tx.manager, { source: input.source, ruleId, cve: input.cve, serverId: server?.serverId, observedAt });
      if (suppressedBy) {
        await recordAudit(tx, ctx, { operation: 'raiseAlert', targetType: 'SuppressionRule', targetIds: [suppressedBy.id], detail: { muted: true, fingerprint } });
        return { alert: null, deduplicated: false, suppressedBy };
      }
      // The open alert this one would bump, locked so the audit's "before" is what the upsert changes.
      const previous = await tx.manager
        .getRepository(Alert)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.fingerprint = :fingerprint', { fingerprint })
        .andWhere(`a.status IN ${openStatusesSql}`)
        .getOne();
      const [row] = await tx.query<Array<{ id: string; inserted: boolean }>>(
        `INSERT INTO alert (kind, title, description, cve, cvss_score, severity, raw_severity, source, fingerprint, occurrences,
                            first_seen, last_seen, status, priority, server_id, system_id, agency_id, synthetic)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10, 'NEW', $11, $12, $13, $14, $15)
         ON CONFLICT (fingerprint) WHERE status IN ${openStatusesSql}
         DO UPDATE SET occurrences = alert.occurrences + 1,
                       first_seen = LEAST(alert.first_seen, EXCLUDED.first_seen),
                       last_seen = GREATEST(alert.last_seen, EXCLUDED.last_seen),
                       severity = CASE WHEN ${severityWeightSql('EXCLUDED.severity')} > ${severityWeightSql('alert.severity')} THEN EXCLUDED.severity ELSE alert.severity END,
                       raw_severity = CASE WHEN ${severityWeightSql('EXCLUDED.severity')} > ${severityWeightSql('alert.severity')} THEN EXCLUDED.raw_severity ELSE alert.raw_severity END,
                       priority = GREATEST(alert.priority, EXCLUDED.priority),
                       updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [
          input.kind,
          title,
          input.description ?? null,
          input.cve ?? null,
          input.cvssScore ?? null,
          severity,
          input.rawSeverity.trim(),
          input.source,
          fingerprint,
          observedAt,
          priority,
          server?.serverId ?? null,
          systemId,
          profile.ownerAgencyId,
          input.synthetic === true,
        ],
      );
      if (!row) throw new Error('alert upsert returned no row');
      await ctx.bus.publish(row.inserted ? 'alert.raised' : 'alert.updated', { id: row.id }, tx);
      if (row.inserted) await enqueueCriticalAlerts(tx.manager, [row.id], securityEnv().WEBHOOK_URLS);
      const alert = await tx.manager.getRepository(Alert).findOneByOrFail({ id: row.id });
      await recordAudit(tx, ctx, {
        operation: 'raiseAlert',
        targetType: 'Alert',
        targetIds: [alert.id],
        before: row.inserted ? null : previous,
        after: alert,
        fields: auditedAlertFields,
        detail: { deduplicated: !row.inserted },
      });
      return { alert, deduplicated: !row.inserted, suppressedBy: null };
    });
  }

  @Authorized(...Roles.socWrite)
  @Mutation(() => Alert, {
    description: 'Moves an alert along the triage workflow and/or assigns it (analysts and admins); reopening a closed alert needs a note. The step is recorded (Alert.transitions). Publishes alert.updated.',
  })
  async updateAlert(
    @Arg('id', () => String) id: string,
    @Arg('status', () => AlertStatus, { nullable: true }) status: AlertStatus | null,
    @Arg('assignee', () => String, { nullable: true, description: 'Analyst to assign; an empty string unassigns.' }) assignee: string | null,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept with the recorded step; required when reopening.' }) note: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Alert> {
    const [alert] = await withTransaction(ctx.db, (tx) => triageAlerts(tx, ctx, [id], { status, assignee, note }, 'updateAlert', { ids: 'id' }));
    return alert!;
  }

  @FieldResolver(() => Server, { nullable: true, description: 'The server it was seen on (infra\'s Server).' })
  server(@Root() alert: Alert): Server | null {
    return alert.serverId ? { id: alert.serverId } : null;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => InformationSystem, { nullable: true, description: 'Null when the tool named a host no monitored server matches (see unknownAssets).' })
  system(@Root() alert: Alert): InformationSystem | null {
    return alert.systemId ? { id: alert.systemId } : null;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true, description: 'The owner of the system; null when the system is unknown.' })
  agency(@Root() alert: Alert): Agency | null {
    return alert.agencyId ? { id: alert.agencyId } : null;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Incident, { nullable: true })
  async incident(@Root() alert: Alert, @Ctx() ctx: SubgraphContext): Promise<Incident | null> {
    return alert.incidentId ? loadBy(ctx, Incident, 'id', alert.incidentId) : null;
  }
}
