import { Authorized, Resolver, Root, Subscription } from 'type-graphql';
import { liveStream, merge, Roles, type SubgraphContext } from '@ioc/kit';
import { openStatuses } from '../domain/workflow';
import { OpenAlertCounts } from '../types/open-alert-counts.type';

/** Open alerts by severity, in one query. */
export async function openAlertCounts(ctx: SubgraphContext): Promise<OpenAlertCounts> {
  const rows: Array<{ severity: string; n: number }> = await ctx.db.query(
    'SELECT severity, count(*)::int AS n FROM alert WHERE status = ANY($1) GROUP BY severity',
    [openStatuses],
  );
  const of = (severity: string) => rows.find((row) => row.severity === severity)?.n ?? 0;
  return { open: rows.reduce((total, row) => total + row.n, 0), critical: of('CRITICAL'), high: of('HIGH'), medium: of('MEDIUM'), low: of('LOW') };
}

@Resolver(() => OpenAlertCounts)
export class OpenAlertCountsResolver {
  /**
   * Control-room screens show the SOC's situation to every dashboard role, live; the alert streams
   * themselves are need-to-know, so this stream carries counts only.
   */
  @Authorized(...Roles.dashboard)
  @Subscription(() => OpenAlertCounts, {
    description: 'Open alerts by severity after every alert raised, repeated or triaged (counts only: for every dashboard role).',
    subscribe: ({ context }) => {
      const ctx = context as SubgraphContext;
      const load = () => openAlertCounts(ctx);
      return merge(liveStream(ctx.bus, 'alert.raised', { load }), liveStream(ctx.bus, 'alert.updated', { load }));
    },
  })
  openAlertCountsChanged(@Root() counts: OpenAlertCounts): OpenAlertCounts {
    return counts;
  }
}
