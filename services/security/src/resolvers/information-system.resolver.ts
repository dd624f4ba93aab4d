import { Arg, Authorized, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { agencyScopeOf, assertAgencyAccess, badInput, Roles, type SubgraphContext } from '@ioc/kit';
import { Alert } from '../entities/alert.entity';
import { SecurityProfile } from '../entities/security-profile.entity';
import { alertCount, relatedAlerts } from '../loaders/alert.loader';
import { profileOfSystem } from '../loaders/profile.loader';
import { InformationSystem } from '../stubs/information-system.stub';

export const maxRelatedAlerts = 100;

export function checkRelatedFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > maxRelatedAlerts) throw badInput('first', `must be between 1 and ${maxRelatedAlerts}, got ${first}`);
  return first;
}

/** An agency client reaches these fields of its own agency's systems only (FORBIDDEN naming the field otherwise). */
async function assertOwnSystem(ctx: SubgraphContext, system: InformationSystem, field: string): Promise<void> {
  if (agencyScopeOf(ctx.principal) === undefined) return;
  const profile = await profileOfSystem(ctx, system.id);
  assertAgencyAccess(ctx.principal, `InformationSystem.${field}`, profile?.ownerAgencyId);
}

@Resolver(() => InformationSystem)
@Authorized(...Roles.agencyScoped)
export class InformationSystemResolver {
  @Directive('@tag(name: "agency")')
  @FieldResolver(() => SecurityProfile, { nullable: true, description: 'Grading level, approval, inspections and the four layers (security subgraph).' })
  async securityProfile(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<SecurityProfile | null> {
    await assertOwnSystem(ctx, system, 'securityProfile');
    return profileOfSystem(ctx, system.id);
  }

  @Directive('@tag(name: "agency")')
  @Authorized(...Roles.socDetail)
  @FieldResolver(() => [Alert], { description: 'Open alerts on the system, highest priority first (analysts, admins, the owning agency).' })
  async openAlerts(
    @Root() system: InformationSystem,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 100.' }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Alert[]> {
    await assertOwnSystem(ctx, system, 'openAlerts');
    return relatedAlerts(ctx, 'system_id', system.id, { open: true, first: checkRelatedFirst(first), order: 'priority' });
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Int, { description: 'Number of open alerts on the system.' })
  async openAlertCount(@Root() system: InformationSystem, @Ctx() ctx: SubgraphContext): Promise<number> {
    await assertOwnSystem(ctx, system, 'openAlertCount');
    return alertCount(ctx, 'system_id', system.id);
  }
}
