import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput, type SubgraphContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { SecurityProfile } from '../entities/security-profile.entity';
import { alertCountsBy, alertsBy, profilesBySystem } from '../loaders/security.loaders';
import { InformationSystem } from '../types/information-system.type';

export const maxRelatedAlerts = 100;

export function checkRelatedFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > maxRelatedAlerts) throw badInput('first', `must be between 1 and ${maxRelatedAlerts}, got ${first}`);
  return first;
}

@Resolver(() => InformationSystem)
export class InformationSystemResolver {
  @FieldResolver(() => SecurityProfile, { nullable: true, description: 'Grading level, approval, inspections and the four layers (security subgraph).' })
  securityProfile(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<SecurityProfile | null> {
    return profilesBySystem(ctx).load(system.id);
  }

  @FieldResolver(() => [Alert], { description: 'Open alerts on the system, highest priority first.' })
  async openAlerts(
    @Root() system: InformationSystem,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Alert[]> {
    return (await alertsBy(ctx, 'system_id', { open: true, first: checkRelatedFirst(first), order: 'priority' }).load(system.id)) ?? [];
  }

  @FieldResolver(() => Int, { description: 'Number of open alerts on the system.' })
  async openAlertCount(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await alertCountsBy(ctx, 'system_id').load(system.id)) ?? 0;
  }
}
