import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { badInput, connectionType, paginate, recordAudit, Roles, withTransaction, type Connection, type SubgraphContext } from '@ioc/kit';
import { WebhookDeliveriesArgs } from '../args/webhook-deliveries.args';
import { WebhookDelivery } from '../entities/webhook-delivery.entity';
import { WebhookDeliveryStatus } from '../domain/webhook';

export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');

/** The SOC's own plumbing: analysts and admins see what was sent and what failed. */
@Resolver(() => WebhookDelivery)
@Authorized(...Roles.socWrite)
export class WebhookDeliveryResolver {
  @Query(() => WebhookDeliveryConnection, { description: 'Outbound webhook deliveries, latest first; status FAILED lists those that used up their attempts.' })
  async webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<WebhookDelivery>> {
    const query = ctx.db.getRepository(WebhookDelivery).createQueryBuilder('d');
    if (args.status) query.andWhere('d.status = :status', { status: args.status });
    if (args.event) query.andWhere('d.event = :event', { event: args.event });
    query.orderBy('d.id', 'DESC');
    return paginate(query, args);
  }

  @Mutation(() => WebhookDelivery, { description: 'Queues a FAILED delivery again for one more attempt, now (audited).' })
  async retryWebhookDelivery(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<WebhookDelivery> {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id', `"${id}" is not a delivery id`);
    return withTransaction(ctx.db, async (tx) => {
      const repository = tx.manager.getRepository(WebhookDelivery);
      const delivery = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!delivery) throw badInput('id', `no webhook delivery with id "${id}"`);
      if (delivery.status !== WebhookDeliveryStatus.FAILED) throw badInput('id', `delivery ${id} is ${delivery.status}: only a FAILED one is retried by hand`);
      // One more attempt: the count stays, so the next failure fails it again.
      await tx.query(`UPDATE webhook_delivery SET status = 'PENDING', attempts = attempts - 1, next_attempt_at = now() WHERE id = $1`, [id]);
      const after = await repository.findOneByOrFail({ id });
      await recordAudit(tx, ctx, { operation: 'retryWebhookDelivery', targetType: 'WebhookDelivery', targetIds: [id], before: delivery, after, fields: ['status', 'attempts', 'nextAttemptAt'] });
      return after;
    });
  }
}
