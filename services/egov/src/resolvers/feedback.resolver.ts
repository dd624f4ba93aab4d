import { applySearch, batchArgument, checkBatchSize, loadBy, paginate, parseInstantRange } from '@ioc/kit';
import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, ownRowOrNull, badInput, Roles, type Connection, type SubgraphContext } from '@ioc/kit';
import { FeedbackArgs } from '../args/feedback.args';
import { FeedbackSort } from '../enums/feedback.enum';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Agency } from '../entities/agency.entity';
import { Feedback } from '../entities/feedback.entity';
import { ReceiveFeedbackInput } from '../inputs/receive-feedback.input';
import { maxFeedbackBatch, receiveFeedbacks } from '../stores/feedback-intake.store';
import { assertKnown } from '../validation/known.validation';
import { personalData } from '../domain/personal-data';
import { FeedbackConnection } from '../types/connections.type';

/** Feedback is read by the dashboards and, for their own agency only, by agency clients; ingest writes it. */
@Resolver(() => Feedback)
@Authorized(...Roles.agencyScoped)
export class FeedbackResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => FeedbackConnection, { description: 'Citizen feedback (PAKN), newest first by default (an agency client: its own agency\'s).' })
  async feedback(@Args(() => FeedbackArgs) args: FeedbackArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<Feedback>> {
    const received = parseInstantRange(args.receivedFrom, args.receivedTo, { from: 'receivedFrom', to: 'receivedTo' });
    const direction = args.sort === FeedbackSort.RECEIVED_AT_ASC ? 'ASC' : 'DESC';
    const query = ctx.db.getRepository(Feedback).createQueryBuilder('f').orderBy('f.received_at', direction).addOrderBy('f.id', direction);
    if (args.districtCode) query.andWhere('f.district_code = :district', { district: args.districtCode });
    if (args.communeCode) query.andWhere('f.commune_code = :commune', { commune: args.communeCode });
    if (args.agencyId) query.andWhere('f.agency_id = :agencyId', { agencyId: args.agencyId });
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('f.agency_id = :scope', { scope });
    if (args.category) query.andWhere('f.category = :category', { category: args.category });
    if (args.channel) query.andWhere('f.channel = :channel', { channel: args.channel });
    if (args.status) query.andWhere('f.status = :status', { status: args.status });
    if (received.from) query.andWhere('f.received_at >= :from', { from: received.from });
    if (received.before) query.andWhere('f.received_at < :before', { before: received.before });
    applySearch(query, 'f.search_name', args.search);
    const page = await paginate(query, args, { count: 'rows' });
    if (page.totalCount === 0) {
      await assertKnown(ctx, [
        ['districtCode', args.districtCode, 'district'],
        ['communeCode', args.communeCode, 'commune'],
        ['agencyId', args.agencyId, 'agency'],
      ]);
    }
    return page;
  }

  @Directive('@tag(name: "agency")')
  @Query(() => Feedback, { nullable: true, description: 'One feedback item by id; null when unknown.' })
  async feedbackItem(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Feedback | null> {
    if (!/^[1-9]\d{0,17}$/.test(id)) throw badInput('id', `"${id}" is not a feedback id`);
    const feedback = await loadBy(ctx, Feedback, 'id', id);
    return ownRowOrNull(ctx.principal, feedback, feedback?.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => String, { description: 'Personal data: masked ("Nguyễn V. A**") except for admins.' })
  citizenName(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): string {
    return personalData.name(ctx.principal, feedback.citizenName);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => String, { nullable: true, description: 'Personal data: masked ("09******12") except for admins.' })
  citizenPhone(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): string | null {
    return personalData.phone(ctx.principal, feedback.citizenPhone);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { nullable: true })
  agency(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): Promise<Agency | null> {
    return loadBy(ctx, Agency, 'id', feedback.agencyId);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() feedback: Feedback, @Ctx() ctx: SubgraphContext): Promise<AdministrativeUnit | null> {
    return loadBy(ctx, AdministrativeUnit, 'code', feedback.communeCode);
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => Feedback, { description: 'Records citizen feedback received by PAKN; publishes `feedback.received`.' })
  async receiveFeedback(@Arg('input', () => ReceiveFeedbackInput) input: ReceiveFeedbackInput, @Ctx() ctx: SubgraphContext): Promise<Feedback> {
    const [feedback] = await receiveFeedbacks(ctx, [input], (_i, field) => `input.${field}`, 'receiveFeedback');
    return feedback!;
  }

  @Authorized('admin', 'ingest')
  @Mutation(() => [Feedback], {
    description: `Records up to ${maxFeedbackBatch} feedback items in one transaction, as \`receiveFeedback\` each (one \`feedback.received\` event and one audit entry per item), in the order given. A bad item refuses the whole call, its error naming the item (\`inputs[3].communeCode\`); more than ${maxFeedbackBatch} items are refused.`,
  })
  async receiveFeedbacks(@Arg('inputs', () => [ReceiveFeedbackInput]) inputs: ReceiveFeedbackInput[], @Ctx() ctx: SubgraphContext): Promise<Feedback[]> {
    checkBatchSize(inputs, 'inputs', maxFeedbackBatch);
    return receiveFeedbacks(ctx, inputs, batchArgument('inputs'), 'receiveFeedbacks');
  }
}
