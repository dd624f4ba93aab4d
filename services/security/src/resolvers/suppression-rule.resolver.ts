import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, type Connection, connectionType, paginate, parseInstant, recordAudit, Roles, type SubgraphContext, withTransaction } from '@ioc/kit';
import { SuppressionRulesArgs } from '../args/suppression-rules.args';
import { SuppressionRule } from '../entities/suppression-rule.entity';
import { MuteAlertsInput } from '../inputs/mute-alerts.input';
import { isSuppressionActive, suppressionValueProblem, suppressionWindowProblem } from '../domain/suppression';
import { Server } from '../stubs/server.stub';
import { suppressionFacts } from '../stores/suppression.store';
import { requireServer } from '../validation/existence.validation';

export const SuppressionRuleConnection = connectionType(SuppressionRule, 'SuppressionRule');

const auditedRuleFields = ['target', 'value', 'serverId', 'startsAt', 'endsAt', 'reason', 'liftedAt', 'liftedBy'] as const;

/** What is muted, where and why is the SOC's own business: analysts and admins. */
@Resolver(() => SuppressionRule)
@Authorized(...Roles.socWrite)
export class SuppressionRuleResolver {
  @Query(() => SuppressionRuleConnection, { description: 'Suppression rules, latest ending first, with how many events each muted.' })
  async suppressionRules(@Args(() => SuppressionRulesArgs) args: SuppressionRulesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<SuppressionRule>> {
    const query = ctx.db.getRepository(SuppressionRule).createQueryBuilder('s');
    if (args.active === true) query.andWhere('s.lifted_at IS NULL AND s.starts_at <= now() AND s.ends_at > now()');
    if (args.active === false) query.andWhere('(s.lifted_at IS NOT NULL OR s.ends_at <= now())');
    if (args.target) query.andWhere('s.target = :target', { target: args.target });
    if (args.serverId) query.andWhere('s.server_id = :serverId', { serverId: args.serverId });
    query.orderBy('s.endsAt', 'DESC').addOrderBy('s.sequence', 'DESC');
    return paginate(query, args);
  }

  @Mutation(() => SuppressionRule, {
    description: 'Mutes a Wazuh rule, Suricata signature or CVE on one server or everywhere for a window: matching events are counted on the rule instead of raised. Audited.',
  })
  async muteAlerts(@Arg('input', () => MuteAlertsInput) input: MuteAlertsInput, @Ctx() ctx: SubgraphContext): Promise<SuppressionRule> {
    const value = input.value.trim();
    const valueProblem = suppressionValueProblem(input.target, value);
    if (valueProblem) throw badInput('input.value', valueProblem);
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) throw badInput('input.reason', 'must be 3–500 characters');
    const startsAt = input.from ? parseInstant(input.from, 'input.from') : new Date();
    const endsAt = parseInstant(input.until, 'input.until');
    const windowProblem = suppressionWindowProblem(startsAt, endsAt);
    if (windowProblem) throw badInput('input.until', windowProblem);
    if (input.serverId) await requireServer(ctx.db, input.serverId, 'input.serverId');
    return withTransaction(ctx.db, async (tx) => {
      const [row] = await tx.query<Array<{ id: string }>>(
        `INSERT INTO suppression_rule (target, value, server_id, starts_at, ends_at, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.target, value, input.serverId ?? null, startsAt, endsAt, reason, ctx.principal.subject],
      );
      const rule = await tx.manager.getRepository(SuppressionRule).findOneByOrFail({ id: row!.id });
      await recordAudit(tx, ctx, { operation: 'muteAlerts', targetType: 'SuppressionRule', targetIds: [rule.id], after: rule, fields: auditedRuleFields });
      return rule;
    });
  }

  @Mutation(() => SuppressionRule, { description: 'Lifts a suppression rule before it expires: matching events are raised again from now on. Audited.' })
  async unmuteAlerts(@Arg('id', () => String) id: string, @Ctx() ctx: SubgraphContext): Promise<SuppressionRule> {
    return withTransaction(ctx.db, async (tx) => {
      const repository = tx.manager.getRepository(SuppressionRule);
      const rule = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!rule) throw badInput('id', `no suppression rule with id "${id}"`);
      if (rule.liftedAt) throw badInput('id', `suppression rule ${id} was already lifted at ${rule.liftedAt}`);
      if (new Date(rule.endsAt) <= new Date()) throw badInput('id', `suppression rule ${id} expired at ${rule.endsAt}`);
      await tx.query('UPDATE suppression_rule SET lifted_at = now(), lifted_by = $2 WHERE id = $1', [id, ctx.principal.subject]);
      const lifted = await repository.findOneByOrFail({ id });
      await recordAudit(tx, ctx, { operation: 'unmuteAlerts', targetType: 'SuppressionRule', targetIds: [id], before: rule, after: lifted, fields: auditedRuleFields });
      return lifted;
    });
  }

  @FieldResolver(() => Boolean, { description: 'Muting now: inside its window and not lifted.' })
  active(@Root() rule: SuppressionRule): boolean {
    return isSuppressionActive(suppressionFacts(rule), new Date());
  }

  @FieldResolver(() => Server, { nullable: true, description: 'The server it applies to (infra\'s Server); null when everywhere.' })
  server(@Root() rule: SuppressionRule): Server | null {
    return rule.serverId ? { id: rule.serverId } : null;
  }
}
