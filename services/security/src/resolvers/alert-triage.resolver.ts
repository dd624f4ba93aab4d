import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, recordAudit, Roles, withTransaction, type SubgraphContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { AlertComment } from '../entities/alert-comment.entity';
import { AlertTransition } from '../entities/alert-transition.entity';
import { AlertStatus } from '../enums/alert.enum';
import { commentsOf, transitionsOf } from '../loaders/triage.loader';
import { bulkIds, lockAlerts, maxBulkAlerts, triageAlerts } from '../stores/triage.store';

const maxCommentLength = 4000;

/** Triage beyond one step on one alert: bulk steps, comments, and the recorded history. */
@Resolver(() => Alert)
export class AlertTriageResolver {
  @Authorized(...Roles.socWrite)
  @Mutation(() => [Alert], {
    description: `One triage step on many alerts (acknowledge, assign, resolve, mark false positive), all or nothing: if any alert refuses it, none changes and the error names every one. At most ${maxBulkAlerts} ids. Publishes alert.updated for each alert changed.`,
  })
  async updateAlerts(
    @Arg('ids', () => [String]) ids: string[],
    @Arg('status', () => AlertStatus, { nullable: true }) status: AlertStatus | null,
    @Arg('assignee', () => String, { nullable: true, description: 'Analyst to assign; an empty string unassigns.' }) assignee: string | null,
    @Arg('note', () => String, { nullable: true, description: 'Why: kept with each recorded step; required when reopening.' }) note: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Alert[]> {
    const unique = bulkIds(ids, 'ids');
    return withTransaction(ctx.db, (tx) => triageAlerts(tx, ctx, unique, { status, assignee, note }, 'updateAlerts', { ids: 'ids' }));
  }

  @Authorized(...Roles.socWrite)
  @Mutation(() => AlertComment, { description: 'Adds an analyst\'s comment to an alert (audited). Publishes alert.updated.' })
  async commentAlert(@Arg('id', () => String) id: string, @Arg('body', () => String) body: string, @Ctx() ctx: SubgraphContext): Promise<AlertComment> {
    const text = body.trim();
    if (!text || text.length > maxCommentLength) throw badInput('body', `must be 1–${maxCommentLength} characters`);
    return withTransaction(ctx.db, async (tx) => {
      await lockAlerts(tx, [id], 'id');
      const [row] = await tx.query<Array<{ id: string }>>('INSERT INTO alert_comment (alert_id, author, body) VALUES ($1, $2, $3) RETURNING id', [id, ctx.principal.subject, text]);
      const comment = await tx.manager.getRepository(AlertComment).findOneByOrFail({ id: row!.id });
      await recordAudit(tx, ctx, { operation: 'commentAlert', targetType: 'Alert', targetIds: [id], detail: { comment: comment.id } });
      await ctx.bus.publish('alert.updated', { id }, tx);
      return comment;
    });
  }

  @Authorized(...Roles.socDetail)
  @FieldResolver(() => [AlertTransition], { description: 'Every recorded triage step (status changes and assignments), oldest first.' })
  async transitions(@Root() alert: Alert, @Ctx() ctx: SubgraphContext): Promise<AlertTransition[]> {
    return transitionsOf(ctx, alert.id);
  }

  @Authorized(...Roles.socDetail)
  @FieldResolver(() => [AlertComment], { description: 'Analysts\' comments, oldest first.' })
  async comments(@Root() alert: Alert, @Ctx() ctx: SubgraphContext): Promise<AlertComment[]> {
    return commentsOf(ctx, alert.id);
  }
}
