import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, applyOrdering, badInput, checkYear, type Connection, loadBy, loadEach, type Ordering, ownRowOrNull, paginate, parseInstant, parseInstantRange, publishIndicatorChanges, recordAudit, Roles, type SubgraphContext, withTransaction } from '@ioc/kit';
import { DossierStatisticsArgs, DossiersArgs } from '../args/dossiers.args';
import { DossierSort } from '../enums/dossier.enum';
import { AdministrativeProcedure } from '../entities/administrative-procedure.entity';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { UnitLevel } from '../enums/administrative-unit.enum';
import { Agency } from '../entities/agency.entity';
import { Dossier } from '../entities/dossier.entity';
import { DossierChannel, DossierStatus } from '../enums/dossier.enum';
import { OnlineService } from '../entities/online-service.entity';
import { DossierApplicantInput } from '../inputs/dossier-applicant.input';
import { ReceiveDossierInput } from '../inputs/receive-dossier.input';
import { dossierIndicatorCodes } from '../indicators/indicator-events';
import { aggregateCache, cachedAggregate } from '../loaders/aggregate-cache.loader';
import { dueDate } from '../domain/calendar';
import { childStatistics } from '../stores/dossier-statistics.store';
import { assertKnown } from '../validation/known.validation';
import { personalData } from '../domain/personal-data';
import { DossierApplicant } from '../types/dossier-applicant.type';
import { DossierConnection } from '../types/connections.type';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { checkServiceLevel } from './online-service.resolver';

/** Accepts a receipt time a little in the future (clock skew between counters and the server). */
const clockSkewMs = 5 * 60_000;

export function handlingAgencyId(service: Pick<OnlineService, 'authorityLevel' | 'agencyId'>, commune: Pick<AdministrativeUnit, 'code' | 'parentCode'>): string {
  if (service.authorityLevel === UnitLevel.DISTRICT) return `ubnd-${commune.parentCode}`;
  if (service.authorityLevel === UnitLevel.COMMUNE) return `ubnd-${commune.code}`;
  return service.agencyId;
}

/** Dossier fields an audit entry compares. */
const auditedDossierFields = ['serviceId', 'procedureId', 'serviceLevel', 'agencyId', 'districtCode', 'communeCode', 'channel', 'status', 'receivedAt', 'dueAt', 'resolvedAt'];

interface ApplicantRow {
  dossier_id: string;
  full_name: string;
  id_number: string | null;
  phone: string | null;
}

function checkApplicant(applicant: DossierApplicantInput): { fullName: string; idNumber: string | null; phone: string | null } {
  const fullName = applicant.fullName.trim().replace(/\s+/g, ' ');
  if (!fullName || fullName.length > 200) throw badInput('applicant.fullName', 'must be 1–200 characters');
  const idNumber = applicant.idNumber?.trim() || null;
  if (idNumber !== null && !/^(\d{9}|\d{12})$/.test(idNumber)) throw badInput('applicant.idNumber', 'must be 9 digits (CMND) or 12 digits (CCCD)');
  const phone = applicant.phone?.trim() || null;
  if (phone !== null && !/^\+?[0-9][0-9 .-]{7,16}[0-9]$/.test(phone)) throw badInput('applicant.phone', 'is not a phone number');
  return { fullName, idNumber, phone };
}

function parseDossierId(id: string): string {
  if (!/^[1-9]\d{0,17}$/.test(id)) throw badInput('id', `"${id}" is not a dossier id`);
  return id;
}

/** Dossiers are read by the dashboards and, for their own agency only, by agency clients; ingest writes them. */

/** Only resolved_at can be null; NULLS LAST elsewhere would stop PostgreSQL reading the index in order. */
const dossierOrderings: Record<DossierSort, Ordering> = {
  [DossierSort.RECEIVED_AT_DESC]: [['d.received_at', 'DESC'], ['d.id', 'DESC']],
  [DossierSort.RECEIVED_AT_ASC]: [['d.received_at', 'ASC'], ['d.id', 'ASC']],
  [DossierSort.DUE_AT_ASC]: [['d.due_at', 'ASC'], ['d.id', 'ASC']],
  [DossierSort.RESOLVED_AT_DESC]: [['d.resolved_at', 'DESC', 'NULLS LAST'], ['d.id', 'DESC']],
};
@Resolver(() => Dossier)
@Authorized(...Roles.agencyScoped)
export class DossierResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => DossierConnection, { description: 'Dossiers, newest first by default, with the filters an operator uses (an agency client: its own agency\'s).' })
  async dossiers(@Args(() => DossiersArgs) args: DossiersArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Dossier>> {
    checkServiceLevel(args.serviceLevel, 'serviceLevel');
    const received = parseInstantRange(args.receivedFrom, args.receivedTo, { from: 'receivedFrom', to: 'receivedTo' });
    const query = ctx.db.getRepository(Dossier).createQueryBuilder('d');
    applyOrdering(query, dossierOrderings[args.sort]);
    if (args.districtCode) query.andWhere('d.district_code = :district', { district: args.districtCode });
    if (args.communeCode) query.andWhere('d.commune_code = :commune', { commune: args.communeCode });
    if (args.agencyId) query.andWhere('d.agency_id = :agencyId', { agencyId: args.agencyId });
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('d.agency_id = :scope', { scope });
    if (args.procedureId) query.andWhere('d.procedure_id = :procedureId', { procedureId: args.procedureId });
    if (args.serviceId) query.andWhere('d.service_id = :serviceId', { serviceId: args.serviceId });
    if (args.serviceLevel) query.andWhere('d.service_level = :level', { level: args.serviceLevel });
    if (args.channel) query.andWhere('d.channel = :channel', { channel: args.channel });
    if (args.status) query.andWhere('d.status = :status', { status: args.status });
    if (args.overdue === true) query.andWhere(`((d.status = 'PROCESSING' AND d.due_at < now()) OR d.resolved_at > d.due_at)`);
    if (args.overdue === false) query.andWhere(`NOT ((d.status = 'PROCESSING' AND d.due_at < now()) OR d.resolved_at > d.due_at)`);
    if (received.from) query.andWhere('d.received_at >= :from', { from: received.from });
    if (received.before) query.andWhere('d.received_at < :before', { before: received.before });
    const page = await paginate(query, args, { count: 'rows', cacheCount: (key, compute) => cachedAggregate(ctx, key, compute) });
    if (page.totalCount === 0) {
      await assertKnown(ctx, [
        ['districtCode', args.districtCode, 'district'],
        ['communeCode', args.communeCode, 'commune'],
        ['agencyId', args.agencyId, 'agency'],
        ['procedureId', args.procedureId, 'procedure'],
        ['serviceId', args.serviceId, 'service'],
      ]);
    }
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => Dossier, { nullable: true })
  async dossier(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Dossier | null> {
    const dossier = await loadBy(ctx, Dossier, 'id', parseDossierId(id));
    return ownRowOrNull(ctx.principal, dossier, dossier?.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @Query(() => [DossierStatistics], {
    description: 'Drill-down: dossiers received in `year`, one row per subdivision of `parentCode` (province → districts → communes).',
  })
  async dossierStatistics(@Args(() => DossierStatisticsArgs) args: DossierStatisticsArgs, @Ctx() ctx: SubgraphContext): Promise<DossierStatistics[]> {
    checkServiceLevel(args.serviceLevel, 'serviceLevel');
    // An agency client's statistics are its own agency's; asking for another agency's gives no rows.
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined && args.agencyId && args.agencyId !== scope) return [];
    if (scope !== undefined) args = Object.assign(new DossierStatisticsArgs(), args, { agencyId: scope });
    const rows = await childStatistics(ctx, args.parentCode, checkYear(args.year), args);
    if (rows.every((row) => row.received === 0)) await assertKnown(ctx, [['agencyId', args.agencyId, 'agency']]);
    return rows;
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Boolean, { description: 'Processing past the deadline, or resolved after it.' })
  overdue(@Root() dossier: Dossier): boolean {
    const due = Date.parse(dossier.dueAt);
    return dossier.resolvedAt ? Date.parse(dossier.resolvedAt) > due : due < Date.now();
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => OnlineService, { nullable: true })
  service(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<OnlineService | null> {
    return loadBy(ctx, OnlineService, 'id', dossier.serviceId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeProcedure, { nullable: true })
  procedure(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<AdministrativeProcedure | null> {
    return loadBy(ctx, AdministrativeProcedure, 'id', dossier.procedureId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', dossier.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', dossier.communeCode);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  district(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', dossier.districtCode);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => DossierApplicant, { nullable: true, description: 'The citizen who filed it (personal data, masked except for admins); null when not recorded.' })
  async applicant(@Root() dossier: Dossier, @Ctx() ctx: SubgraphContext): Promise<DossierApplicant | null> {
    const row = await loadEach<string, ApplicantRow | null>(ctx, 'DossierApplicant:dossier', String(dossier.id), async (ids) => {
        const rows: ApplicantRow[] = await ctx.db.query('SELECT dossier_id::text, full_name, id_number, phone FROM dossier_applicant WHERE dossier_id = ANY($1::bigint[])', [[...ids]]);
        const byId = new Map(rows.map((r) => [r.dossier_id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
    if (!row) return null;
    return {
      fullName: personalData.name(ctx.principal, row.full_name),
      idNumber: personalData.idNumber(ctx.principal, row.id_number),
      phone: personalData.phone(ctx.principal, row.phone),
    };
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => Dossier, { description: 'Records a dossier received at a counter or on the portal; publishes `dossier.received`.' })
  async receiveDossier(
    @Arg('input', () => ReceiveDossierInput) input: ReceiveDossierInput,
    @Arg('applicant', () => DossierApplicantInput, { nullable: true, description: 'The citizen filing it (stored; served masked except to admins).' })
    applicantInput: DossierApplicantInput | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dossier> {
    const applicant = applicantInput ? checkApplicant(applicantInput) : null;
    const receivedAt = input.receivedAt ? parseInstant(input.receivedAt, 'input.receivedAt') : new Date();
    if (receivedAt.getTime() > Date.now() + clockSkewMs) throw badInput('input.receivedAt', 'is in the future');
    return withTransaction(ctx.db, async (tx) => {
      const service = await tx.manager.getRepository(OnlineService).findOneBy({ id: input.serviceId });
      if (!service) throw badInput('input.serviceId', `no online service with id "${input.serviceId}"`);
      const commune = await tx.manager.getRepository(AdministrativeUnit).findOneBy({ code: input.communeCode, level: UnitLevel.COMMUNE });
      if (!commune?.parentCode) throw badInput('input.communeCode', `no commune-level unit with code "${input.communeCode}"`);
      if (input.channel === DossierChannel.ONLINE && service.level < 3) {
        throw badInput('input.channel', `service "${service.id}" is level ${service.level}: its dossiers are received in person only`);
      }
      const procedure = await tx.manager.getRepository(AdministrativeProcedure).findOneByOrFail({ id: service.procedureId });
      const [row] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO dossier (service_id, procedure_id, service_level, agency_id, district_code, commune_code, channel, status, received_at, due_at, synthetic)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROCESSING', $8, $9, $10) RETURNING id`,
        [service.id, service.procedureId, service.level, handlingAgencyId(service, commune), commune.parentCode, commune.code, input.channel,
          receivedAt, dueDate(receivedAt, procedure.processingDays), input.synthetic === true],
      );
      const id = String(row!.id);
      if (applicant) {
        await tx.query('INSERT INTO dossier_applicant (dossier_id, full_name, id_number, phone) VALUES ($1, $2, $3, $4)', [
          id, applicant.fullName, applicant.idNumber, applicant.phone,
        ]);
      }
      aggregateCache(ctx.db).invalidateOnCommit(tx);
      await ctx.bus.publish('dossier.received', { id, districtCode: commune.parentCode, communeCode: commune.code }, tx);
      await publishIndicatorChanges(ctx.bus, tx, { subgraph: 'egov', domain: 'DIGITAL_GOVERNMENT' }, dossierIndicatorCodes(input.channel));
      const dossier = await tx.manager.getRepository(Dossier).findOneByOrFail({ id });
      await recordAudit(tx, ctx, {
        operation: 'receiveDossier',
        targetType: 'Dossier',
        targetIds: [id],
        after: applicant ? { ...dossier, applicantFullName: applicant.fullName, applicantIdNumber: applicant.idNumber, applicantPhone: applicant.phone } : dossier,
        fields: [...auditedDossierFields, 'applicantFullName', 'applicantIdNumber', 'applicantPhone'],
        personal: ['applicantFullName', 'applicantIdNumber', 'applicantPhone'],
      });
      return dossier;
    });
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => Dossier, { description: 'Records that a dossier was resolved; publishes `dossier.resolved`.' })
  async resolveDossier(
    @Arg('id', () => ID) idArg: string,
    @Arg('resolvedAt', () => String, { nullable: true, description: 'ISO 8601 date-time; default now.' }) resolvedAtArg: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dossier> {
    const id = parseDossierId(idArg);
    const resolvedAt = resolvedAtArg ? parseInstant(resolvedAtArg, 'resolvedAt') : new Date();
    if (resolvedAt.getTime() > Date.now() + clockSkewMs) throw badInput('resolvedAt', 'is in the future');
    return withTransaction(ctx.db, async (tx) => {
      const repository = tx.manager.getRepository(Dossier);
      const dossier = await repository.createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!dossier) throw badInput('id', `no dossier with id "${id}"`);
      if (dossier.status === DossierStatus.RESOLVED) throw badInput('id', `dossier ${id} was already resolved at ${dossier.resolvedAt}`);
      if (resolvedAt.getTime() < Date.parse(dossier.receivedAt)) throw badInput('resolvedAt', `is before the dossier was received (${dossier.receivedAt})`);
      await tx.query(`UPDATE dossier SET status = 'RESOLVED', resolved_at = $2 WHERE id = $1`, [id, resolvedAt]);
      aggregateCache(ctx.db).invalidateOnCommit(tx);
      await ctx.bus.publish('dossier.resolved', { id, districtCode: dossier.districtCode, communeCode: dossier.communeCode }, tx);
      const resolved = await repository.findOneByOrFail({ id });
      await recordAudit(tx, ctx, { operation: 'resolveDossier', targetType: 'Dossier', targetIds: [id], before: dossier, after: resolved, fields: auditedDossierFields });
      return resolved;
    });
  }
}

@Resolver(() => DossierStatistics)
@Authorized(...Roles.agencyScoped)
export class DossierStatisticsResolver {
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  unit(@Root() statistics: DossierStatistics, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', statistics.unitCode);
  }
}
