import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { applySearch, type Connection, connectionType, paginate, Roles, type SubgraphContext } from '@ioc/kit';
import { PostalPoint } from '../entities/postal-point.entity';
import { PostalPointsArgs, type ScopedPostalPointsArgs } from '../args/postal-points.args';
import { applyArea, type AreaArgs } from '../sql/area.sql';
import { validateArea } from '../validation/area.validation';

export const PostalPointConnection = connectionType(PostalPoint, 'PostalPoint');

export function queryPostalPoints(ctx: SubgraphContext, args: ScopedPostalPointsArgs, area: AreaArgs | 'everything'): Promise<Connection<PostalPoint>> {
  const query = ctx.db.getRepository(PostalPoint).createQueryBuilder('p');
  if (area !== 'everything') applyArea(query, 'p', area);
  if (args.kind) query.andWhere('p.kind = :kind', { kind: args.kind });
  applySearch(query, 'p.searchName', args.search);
  query.orderBy('p.id', 'ASC');
  return paginate(query, args);
}

@Resolver()
@Authorized(...Roles.dashboard)
export class PostalPointResolver {
  @Query(() => PostalPointConnection, { description: 'Điểm phục vụ bưu chính: postal service points (a district includes its communes).' })
  async postalPoints(@Args(() => PostalPointsArgs) args: PostalPointsArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<PostalPoint>> {
    const area = { districtCode: args.districtCode, communeCode: args.communeCode };
    await validateArea(ctx, area);
    return queryPostalPoints(ctx, args, area);
  }
}
