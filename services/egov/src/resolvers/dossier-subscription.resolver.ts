import { Args, Authorized, Directive, Resolver, Root, Subscription } from 'type-graphql';
import { agencyScope, freshLoaders, liveStream, Roles, type SubgraphContext } from '@ioc/kit';
import { DossierStreamArgs } from '../args/dossier-stream.args';
import { Dossier } from '../entities/dossier.entity';
import { assertKnown } from '../validation/known.validation';

interface DossierEvent extends Record<string, unknown> {
  id: string;
}

/** Dossiers named by `topic`'s events (one query each), narrowed to the subscriber's filters. */
async function dossierStream(ctx: SubgraphContext, field: string, topic: 'dossier.received' | 'dossier.resolved', args: DossierStreamArgs) {
  await assertKnown(ctx, [
    ['districtCode', args.districtCode, 'district'],
    ['agencyId', args.agencyId, 'agency'],
  ]);
  const agencyId = agencyScope(ctx.principal, field, args.agencyId);
  const { districtCode, channel } = args;
  return liveStream<DossierEvent, Dossier>(ctx.bus, topic, {
    load: async ({ id }) => {
      freshLoaders(ctx);
      return ctx.db.getRepository(Dossier).findOneBy({ id: String(id) });
    },
    filter: (dossier) =>
      (!districtCode || dossier.districtCode === districtCode) && (!agencyId || dossier.agencyId === agencyId) && (!channel || dossier.channel === channel),
  });
}

const watchers = Roles.agencyScoped;

@Resolver(() => Dossier)
export class DossierSubscriptionResolver {
  @Directive('@tag(name: "agency")')
  @Authorized(...watchers)
  @Subscription(() => Dossier, {
    description: 'Dossiers as they are received at a counter or on the portal (agency clients: their own agency\'s).',
    subscribe: ({ args, context }) => dossierStream(context as SubgraphContext, 'Subscription.dossierReceived', 'dossier.received', args as DossierStreamArgs),
  })
  dossierReceived(@Root() dossier: Dossier, @Args(() => DossierStreamArgs) _args: DossierStreamArgs): Dossier {
    return dossier;
  }

  @Directive('@tag(name: "agency")')
  @Authorized(...watchers)
  @Subscription(() => Dossier, {
    description: 'Dossiers as they are resolved (`resolvedAt`, `overdue` tell whether on time).',
    subscribe: ({ args, context }) => dossierStream(context as SubgraphContext, 'Subscription.dossierResolved', 'dossier.resolved', args as DossierStreamArgs),
  })
  dossierResolved(@Root() dossier: Dossier, @Args(() => DossierStreamArgs) _args: DossierStreamArgs): Dossier {
    return dossier;
  }
}
