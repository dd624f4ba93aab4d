import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyOrdering, applySearch, badInput, cachedRead, type Connection, connectionType, type Ordering, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { infrastructureReads } from '../loaders/read-cache.loader';
import { BtsStation } from '../entities/bts-station.entity';
import { BtsStatusChange } from '../entities/bts-status-change.entity';
import { TelecomOperator } from '../entities/telecom-operator.entity';
import { BtsStationsArgs, type ScopedBtsStationsArgs } from '../args/bts-stations.args';
import { BtsStationSort, BtsStatus } from '../enums/bts-station.enum';
import { AdministrativeUnit } from '../stubs/administrative-unit.stub';
import { applyArea, type AreaArgs } from '../sql/area.sql';
import { validateArea } from '../validation/area.validation';
import { findBtsStations } from '../references/bts-station.reference';
import { BtsStatusReportInput } from '../inputs/status-report.input';
import { applyOneReport, applyReportBatch, maxStatusBatch, setBtsStatuses } from '../stores/status-report.store';

export const BtsStationConnection = connectionType(BtsStation, 'BtsStation');

const order: Record<BtsStationSort, Ordering> = {
  [BtsStationSort.ID_ASC]: [['s.id', 'ASC']],
  [BtsStationSort.NAME_ASC]: [['s.name', 'ASC'], ['s.id', 'ASC']],
  [BtsStationSort.NAME_DESC]: [['s.name', 'DESC'], ['s.id', 'ASC']],
  [BtsStationSort.STATUS_CHANGED_DESC]: [['s.statusChangedAt', 'DESC'], ['s.id', 'ASC']],
  [BtsStationSort.COMMISSIONED_DESC]: [['s.commissionedOn', 'DESC'], ['s.id', 'ASC']],
};

/** The telecom operators (a handful; nothing here writes them) by id, through the read cache. */
async function operatorById(ctx: SubgraphContext, id: string): Promise<TelecomOperator | null> {
  const operators = await cachedRead(ctx, infrastructureReads, 'telecom operators', async () => new Map((await ctx.db.getRepository(TelecomOperator).find()).map((row) => [row.id, row])));
  return operators.get(id) ?? null;
}

/** A page of stations in an area (`'everything'` for the whole province) matching the filters. */
export async function queryBtsStations(
  ctx: SubgraphContext,
  args: ScopedBtsStationsArgs,
  area: AreaArgs | 'everything',
): Promise<Connection<BtsStation>> {
  if (typeof args.operatorId === 'string') {
    const operator = await operatorById(ctx, args.operatorId);
    if (!operator) throw badInput('operatorId', `no telecom operator with id "${args.operatorId}"`);
  }
  const query = ctx.db.getRepository(BtsStation).createQueryBuilder('s');
  if (area !== 'everything') applyArea(query, 's', area);
  if (typeof args.operatorId === 'string') query.andWhere('s.operatorId = :operatorId', { operatorId: args.operatorId });
  if (args.status) query.andWhere('s.status = :status', { status: args.status });
  if (args.technology) query.andWhere('s.technologies @> ARRAY[:technology]::text[]', { technology: args.technology });
  applySearch(query, 's.searchName', args.search);
  applyOrdering(query, order[args.sort ?? BtsStationSort.ID_ASC]);
  // totalCount through the read cache (one count per filter until a station changes); the page itself is read each time.
  return paginate(query, args, { count: 'rows', cacheCount: (key, compute) => cachedRead(ctx, infrastructureReads, key, compute) });
}

@Resolver(() => BtsStation)
@Authorized(...Roles.dashboard)
export class BtsStationResolver {
  @Query(() => BtsStationConnection, {
    description: 'Trạm BTS: mobile base stations, filtered by area (a district includes its communes), operator, status and technology.',
  })
  async btsStations(@Args(() => BtsStationsArgs) args: BtsStationsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<BtsStation>> {
    const area = { districtCode: args.districtCode, communeCode: args.communeCode };
    await validateArea(ctx, area);
    return queryBtsStations(ctx, args, area);
  }

  @Query(() => BtsStation, { nullable: true, description: 'A BTS station by id; null when unknown.' })
  async btsStation(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<BtsStation | null> {
    const [station] = await findBtsStations([id], ctx);
    return station ?? null;
  }

  @FieldResolver(() => TelecomOperator)
  async operator(@Root() station: BtsStation, @Ctx() ctx: SubgraphContext): Promise<TelecomOperator | null> {
    return operatorById(ctx, station.operatorId);
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The commune the station stands in.' })
  commune(@Root() station: BtsStation): AdministrativeUnit {
    return { code: station.communeCode };
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The district of that commune.' })
  district(@Root() station: BtsStation): AdministrativeUnit {
    return { code: station.districtCode };
  }

  @FieldResolver(() => [BtsStatusChange], { description: 'Recorded status changes, latest first.' })
  async statusHistory(
    @Root() station: BtsStation,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BtsStatusChange[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput('first', `must be between 1 and 500, got ${first}`);
    return ctx.db.getRepository(BtsStatusChange).find({
      where: { stationId: station.id },
      order: { changedAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => BtsStation, {
    description: 'Records that a station went down, is degraded or came back; publishes `bts.status-changed`.',
  })
  async setBtsStatus(
    @Arg('id', () => String) id: string,
    @Arg('status', () => BtsStatus) status: BtsStatus,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BtsStation> {
    return applyOneReport(setBtsStatuses, ctx, { id, status, reason }, 'setBtsStatus');
  }

  @Authorized(...Roles.ingest)
  @Mutation(() => [BtsStation], {
    description: `Records up to ${maxStatusBatch} status reports in one transaction, applied in the order given as \`setBtsStatus\` each (one \`bts.status-changed\` event per change, one audit entry per report); answers each report's station as it stood after it. A bad item refuses the whole call, its error naming the item (\`items[4].id\`); more than ${maxStatusBatch} items are refused.`,
  })
  async setBtsStatuses(@Arg('items', () => [BtsStatusReportInput]) items: BtsStatusReportInput[], @Ctx() ctx: SubgraphContext): Promise<BtsStation[]> {
    return applyReportBatch(setBtsStatuses, ctx, items, 'setBtsStatuses');
  }
}
