import type { SubgraphContext } from '@ioc/kit';
import { AlertComment } from '../entities/alert-comment.entity';
import { AlertTransition } from '../entities/alert-transition.entity';

/** Rows of `entity` per alert, oldest first: a page of alerts asking for them costs one query. */
function byAlert<T extends { alertId: string }>(ctx: SubgraphContext, name: string, entity: new () => T) {
  return ctx.loaders.get<string, T[]>(name, async (alertIds) => {
    const rows = await ctx.db.getRepository(entity).createQueryBuilder('r').where('r.alert_id = ANY(:ids)', { ids: [...alertIds] }).orderBy('r.id', 'ASC').getMany();
    const grouped = new Map<string, T[]>();
    for (const row of rows) grouped.set(row.alertId, [...(grouped.get(row.alertId) ?? []), row]);
    return alertIds.map((id) => grouped.get(id) ?? []);
  });
}

export const transitionsOf = (ctx: SubgraphContext) => byAlert(ctx, 'alert-transitions', AlertTransition);
export const commentsOf = (ctx: SubgraphContext) => byAlert(ctx, 'alert-comments', AlertComment);
