import { Authorized, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertAgencyAccess, Roles, type SubgraphContext } from '@ioc/kit';
import { alertCount } from '../loaders/alert.loader';
import { profilesOfOwner } from '../loaders/profile.loader';
import { complianceCounts } from '../domain/compliance';
import { Agency } from '../stubs/agency.stub';
import { AgencySecurityCompliance } from '../types/agency-security-compliance.type';
import { InformationSystem } from '../stubs/information-system.stub';

/** Dashboard readers see every agency's compliance; an agency client its own agency's only. */
@Resolver(() => Agency)
@Authorized(...Roles.agencyScoped)
export class AgencyResolver {
  @FieldResolver(() => [InformationSystem], { description: 'Information systems the agency owns (chủ quản), by id.' })
  async systemsOwned(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<InformationSystem[]> {
    assertAgencyAccess(ctx.principal, 'Agency.systemsOwned', agency.id);
    const profiles = await profilesOfOwner(ctx, agency.id);
    return profiles.map((profile) => ({ id: profile.systemId }));
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => AgencySecurityCompliance, { description: 'Grading, inspections, four layers and open alerts over the agency\'s systems.' })
  async securityCompliance(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<AgencySecurityCompliance> {
    assertAgencyAccess(ctx.principal, 'Agency.securityCompliance', agency.id);
    const [profiles, openAlerts] = await Promise.all([profilesOfOwner(ctx, agency.id), alertCount(ctx, 'agency_id', agency.id)]);
    const counts = complianceCounts(profiles ?? []);
    return {
      systemsOwned: counts.systems,
      systemsGraded: counts.graded,
      systemsPending: counts.pending,
      systemsNotSubmitted: counts.notSubmitted,
      inspectionsOverdue: counts.inspectionsOverdue,
      fourLayerComplete: counts.fourLayerComplete,
      openAlerts: openAlerts ?? 0,
    };
  }
}
