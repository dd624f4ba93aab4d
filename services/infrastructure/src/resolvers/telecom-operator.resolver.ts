import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { applySearch, type Connection, connectionType, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { TelecomOperator } from '../entities/telecom-operator.entity';
import type { BtsStation } from '../entities/bts-station.entity';
import { TelecomOperatorsArgs } from '../args/telecom-operators.args';
import { BtsStationFilterArgs } from '../args/bts-stations.args';
import { findTelecomOperators } from '../references/telecom-operator.reference';
import { BtsStationConnection, queryBtsStations } from './bts-station.resolver';

export const TelecomOperatorConnection = connectionType(TelecomOperator, 'TelecomOperator');

@Resolver(() => TelecomOperator)
@Authorized(...Roles.dashboard)
export class TelecomOperatorResolver {
  @Query(() => TelecomOperatorConnection, {
    description: 'Doanh nghiệp viễn thông: telecom operators (kind TELECOM) and the cable-TV operator (kind CABLE_TV).',
  })
  async telecomOperators(
    @Args(() => TelecomOperatorsArgs) args: TelecomOperatorsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<TelecomOperator>> {
    const query = ctx.db.getRepository(TelecomOperator).createQueryBuilder('o');
    if (args.kind) query.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.service) query.andWhere('o.services @> ARRAY[:service]::text[]', { service: args.service });
    applySearch(query, 'o.searchName', args.search);
    query.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    return paginate(query, args);
  }

  @Query(() => TelecomOperator, { nullable: true })
  async telecomOperator(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<TelecomOperator | null> {
    const [operator] = await findTelecomOperators([id], ctx);
    return operator ?? null;
  }

  @FieldResolver(() => BtsStationConnection, { description: 'The operator\'s BTS stations.' })
  btsStations(
    @Root() operator: TelecomOperator,
    @Args(() => BtsStationFilterArgs) args: BtsStationFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<BtsStation>> {
    return queryBtsStations(ctx, { ...args, operatorId: operator.id }, 'everything');
  }
}
