import { Arg, Authorized, Directive, Resolver, Root, Subscription } from 'type-graphql';
import { agencyScope, freshLoaders, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { Feedback } from '../entities/feedback.entity';
import { FeedbackCategory } from '../enums/feedback.enum';
import { assertKnown } from '../validation/known.validation';

interface FeedbackEvent extends Record<string, unknown> {
  id: string;
}

@Resolver(() => Feedback)
export class FeedbackSubscriptionResolver {
  @Directive('@tag(name: "agency")')
  @Authorized(...Roles.agencyScoped)
  @Subscription(() => Feedback, {
    description: 'Citizen feedback (PAKN) as it is received; the citizen\'s name and phone stay masked, as in queries.',
    subscribe: async ({ args, context }) => {
      const ctx = context as SubgraphContext;
      const { districtCode, category, ...rest } = args as { districtCode?: string | null; agencyId?: string | null; category?: FeedbackCategory | null };
      await assertKnown(ctx, [
        ['districtCode', districtCode, 'district'],
        ['agencyId', rest.agencyId, 'agency'],
      ]);
      const agencyId = agencyScope(ctx.principal, 'Subscription.feedbackReceived', rest.agencyId);
      return liveStream<FeedbackEvent, Feedback>(ctx.bus, 'feedback.received', {
        load: async ({ id }) => {
          freshLoaders(ctx);
          return ctx.db.getRepository(Feedback).findOneBy({ id: String(id) });
        },
        filter: (feedback) =>
          (!districtCode || feedback.districtCode === districtCode) && (!agencyId || feedback.agencyId === agencyId) && (!category || feedback.category === category),
      });
    },
  })
  feedbackReceived(
    @Root() feedback: Feedback,
    @Arg('districtCode', () => String, { nullable: true, description: 'GSO code of a district: only feedback about its communes.' }) _districtCode?: string,
    @Arg('agencyId', () => String, { nullable: true, description: 'Only feedback this agency handles.' }) _agencyId?: string,
    @Arg('category', () => FeedbackCategory, { nullable: true }) _category?: FeedbackCategory,
  ): Feedback {
    return feedback;
  }
}
