import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import { badInput, expand, freshLoaders, liveStream, loadBy, Roles, type SubgraphContext } from '@ioc/kit';
import { BtsStation } from '../entities/bts-station.entity';
import { BtsStatusChange } from '../entities/bts-status-change.entity';
import { validateArea } from '../validation/area.validation';
import { BtsStatus } from '../enums/bts-station.enum';
import { TelecomOperator } from '../entities/telecom-operator.entity';

/** A status change with its station as it is now (the station is read in the same query). */
type StationChange = BtsStatusChange & { station: BtsStation };

interface StationEvent extends Record<string, unknown> {
  id: string;
}

@Resolver(() => BtsStatusChange)
export class BtsStationSubscriptionResolver {
  @Authorized(...Roles.dashboard)
  @Subscription(() => BtsStatusChange, {
    description:
      'BTS stations going down, degraded or back up: each recorded change once, in order per station, with the station (select `station { … }`).',
    subscribe: async ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { districtCode, operatorId, status } = args as { districtCode?: string | null; operatorId?: string | null; status?: BtsStatus | null };
      await validateArea(ctx, { districtCode });
      if (typeof operatorId === 'string' && !(await loadBy(ctx, TelecomOperator, 'id', operatorId))) {
        throw badInput('operatorId', `no telecom operator with id "${operatorId}"`);
      }
      // Events name the station only. Each subscriber reads the station's changes it has not
      // delivered yet (after the last one recorded when it subscribed), oldest first: a change
      // whose event came before the stream was listening is delivered with the next one.
      const [row] = (await ctx.db.query('SELECT COALESCE(max(id), 0)::text AS last FROM bts_status_change')) as Array<{ last: string }>;
      const last = row?.last ?? '0';
      const delivered = new Map<string, string>();
      return expand(
        liveStream<StationEvent, StationChange[]>(ctx.bus, 'bts.status-changed', {
          load: async ({ id }) => {
            freshLoaders(ctx);
            const stationId = String(id);
            const changes = (await ctx.db
              .getRepository(BtsStatusChange)
              .createQueryBuilder('c')
              .innerJoinAndMapOne('c.station', BtsStation, 's', 's.id = c.station_id')
              .where('c.station_id = :stationId', { stationId })
              .andWhere('c.id > :after', { after: delivered.get(stationId) ?? last })
              .orderBy('c.id', 'ASC')
              .limit(100)
              .getMany()) as StationChange[];
            if (changes.length === 0) return null;
            delivered.set(stationId, changes.at(-1)!.id);
            const wanted = status ? changes.filter((change) => change.toStatus === status) : changes;
            return wanted.length ? wanted : null;
          },
          // All changes of one event are of one station.
          filter: ([change]) => (!districtCode || change!.station.districtCode === districtCode) && (!operatorId || change!.station.operatorId === operatorId),
        }),
      );
    },
  })
  btsStatusChanged(
    @Root() change: StationChange,
    @Arg('districtCode', () => String, { nullable: true, description: 'GSO code of a district: only its stations.' }) _districtCode?: string,
    @Arg('operatorId', () => String, { nullable: true, description: 'Only this operator\'s stations.' }) _operatorId?: string,
    @Arg('status', () => BtsStatus, { nullable: true, description: 'Only changes to this status (e.g. DOWN for outages).' }) _status?: BtsStatus,
  ): BtsStatusChange {
    return change;
  }

  @FieldResolver(() => BtsStation, { description: 'The station, as it is now.' })
  async station(@Root() change: BtsStatusChange & { station?: BtsStation }, @Ctx() ctx: SubgraphContext): Promise<BtsStation> {
    if (change.station) return change.station;
    const station = await loadBy(ctx, BtsStation, 'id', change.stationId);
    if (!station) throw new Error(`BTS station ${change.stationId} of change ${change.id} not found`);
    return station;
  }
}
