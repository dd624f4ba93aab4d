import { loadManyBy, type LoaderContext } from '@ioc/kit';
import { AlertComment } from '../entities/alert-comment.entity';
import { AlertTransition } from '../entities/alert-transition.entity';

/** An alert's recorded transitions, oldest first: a page of alerts asking for them costs one query. */
export const transitionsOf = (ctx: LoaderContext, alertId: string): Promise<AlertTransition[]> => loadManyBy(ctx, AlertTransition, 'alertId', alertId, { id: 'ASC' });

/** An alert's comments, oldest first, batched the same way. */
export const commentsOf = (ctx: LoaderContext, alertId: string): Promise<AlertComment[]> => loadManyBy(ctx, AlertComment, 'alertId', alertId, { id: 'ASC' });
