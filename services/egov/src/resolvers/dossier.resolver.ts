import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, applyOrdering, batchArgument, checkBatchSize, checkYear, type Connection, loadBy, loadEach, type Ordering, ownRowOrNull, paginate, parseInstantRange, Roles, singleArgument, type SubgraphContext } from '@ioc/kit';
import { DossierStatisticsArgs, DossiersArgs } from '../args/dossiers.args';
import { DossierSort } from '../enums/dossier.enum';
import { AdministrativeProcedure } from '../entities/administrative-procedure.entity';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { Dossier } from '../entities/dossier.entity';
import { OnlineService } from '../entities/online-service.entity';
import { DossierApplicantInput } from '../inputs/dossier-applicant.input';
import { ReceiveDossierInput } from '../inputs/receive-dossier.input';
import { ReceiveDossierItemInput, ResolveDossierItemInput } from '../inputs/dossier-batch.input';
import { maxDossierBatch, parseDossierId, receiveDossiers, resolveDossiers } from '../stores/dossier-intake.store';
import { cachedAggregate } from '../loaders/aggregate-cache.loader';
import { childStatistics } from '../stores/dossier-statistics.store';
import { assertKnown } from '../validation/known.validation';
import { personalData } from '../domain/personal-data';
import { DossierApplicant } from '../types/dossier-applicant.type';
import { DossierConnection } from '../types/connections.type';
import { DossierStatistics } from '../types/dossier-statistics.type';
import { checkServiceLevel } from './online-service.resolver';

export { handlingAgencyId } from '../stores/dossier-intake.store';

interface ApplicantRow {
  dossier_id: string;
  full_name: string;
  id_number: string | null;
  phone: string | null;
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
    applicant: DossierApplicantInput | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dossier> {
    const [dossier] = await receiveDossiers(ctx, [{ input, applicant }], singleArgument, 'receiveDossier');
    return dossier!;
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => [Dossier], {
    description: `Records up to ${maxDossierBatch} dossiers in one transaction, as \`receiveDossier\` each (one \`dossier.received\` event and one audit entry per dossier), in the order given. A bad item refuses the whole call, its error naming the item (\`items[3].input.serviceId\`); more than ${maxDossierBatch} items are refused.`,
  })
  async receiveDossiers(@Arg('items', () => [ReceiveDossierItemInput]) items: ReceiveDossierItemInput[], @Ctx() ctx: SubgraphContext): Promise<Dossier[]> {
    checkBatchSize(items, 'items', maxDossierBatch);
    return receiveDossiers(ctx, items, batchArgument('items'), 'receiveDossiers');
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => Dossier, { description: 'Records that a dossier was resolved; publishes `dossier.resolved`.' })
  async resolveDossier(
    @Arg('id', () => ID) id: string,
    @Arg('resolvedAt', () => String, { nullable: true, description: 'ISO 8601 date-time; default now.' }) resolvedAt: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dossier> {
    const [dossier] = await resolveDossiers(ctx, [{ id, resolvedAt }], singleArgument, 'resolveDossier');
    return dossier!;
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => [Dossier], {
    description: `Records up to ${maxDossierBatch} resolutions in one transaction, as \`resolveDossier\` each (one \`dossier.resolved\` event and one audit entry per dossier), in the order given. A bad item refuses the whole call, its error naming the item (\`items[2].id\`); more than ${maxDossierBatch} items are refused.`,
  })
  async resolveDossiers(@Arg('items', () => [ResolveDossierItemInput]) items: ResolveDossierItemInput[], @Ctx() ctx: SubgraphContext): Promise<Dossier[]> {
    checkBatchSize(items, 'items', maxDossierBatch);
    return resolveDossiers(ctx, items, batchArgument('items'), 'resolveDossiers');
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
