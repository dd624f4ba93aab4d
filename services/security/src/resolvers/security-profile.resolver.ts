import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  agencyScopeOf,
  badInput,
  type Connection,
  connectionType,
  ownRowOrNull,
  paginate,
  parsePastDate,
  recordAudit,
  Roles,
  type SubgraphContext,
  vietnamToday,
  withTransaction,
} from '@ioc/kit';
import { SecurityProfilesArgs } from '../args/security-profiles.args';
import { SecurityProfile } from '../entities/security-profile.entity';
import { alertCount } from '../loaders/alert.loader';
import { severityWeightSql } from '../sql/alert.sql';
import { fourLayerCompleteSql, inspectionOverdueSql } from '../sql/profile.sql';
import { approvalAuthority, hasFourLayers, isInspectionOverdue, isValidLevel, nextInspectionDue } from '../domain/grading';
import { Agency } from '../stubs/agency.stub';
import { GradingApprovalAuthority } from '../enums/grading.enum';
import { FourLayerProtection } from '../types/four-layer-protection.type';
import { InformationSystem } from '../stubs/information-system.stub';
import { requireProfile } from '../validation/existence.validation';

export const SecurityProfileConnection = connectionType(SecurityProfile, 'SecurityProfile');

/** Grading and compliance are a dashboard (viewers too); an agency client sees its own systems'; only admins approve levels. */
@Resolver(() => SecurityProfile)
@Authorized(...Roles.agencyScoped)
export class SecurityProfileResolver {
  @Directive('@tag(name: "agency")')
  @Query(() => SecurityProfileConnection, { description: 'Security profiles of the information systems, by level, approval status, owner and compliance.' })
  async securityProfiles(@Args(() => SecurityProfilesArgs) args: SecurityProfilesArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<SecurityProfile>> {
    if (args.level !== null && args.level !== undefined && !isValidLevel(args.level)) throw badInput('level', `must be 1–5, got ${args.level}`);
    const query = ctx.db.getRepository(SecurityProfile).createQueryBuilder('p');
    if (args.level) query.andWhere('p.level = :level', { level: args.level });
    if (args.approvalStatus) query.andWhere('p.approval_status = :approvalStatus', { approvalStatus: args.approvalStatus });
    if (args.ownerAgencyId) query.andWhere('p.owner_agency_id = :ownerAgencyId', { ownerAgencyId: args.ownerAgencyId });
    if (args.inDataCentre !== null && args.inDataCentre !== undefined) query.andWhere('p.in_data_centre = :inDataCentre', { inDataCentre: args.inDataCentre });
    if (args.inspectionOverdue === true) query.andWhere(inspectionOverdueSql);
    if (args.inspectionOverdue === false) query.andWhere(`NOT ${inspectionOverdueSql}`);
    if (args.fourLayerComplete === true) query.andWhere(fourLayerCompleteSql);
    if (args.fourLayerComplete === false) query.andWhere(`NOT ${fourLayerCompleteSql}`);
    const scope = agencyScopeOf(ctx.principal);
    if (scope !== undefined) query.andWhere('p.owner_agency_id = :scope', { scope });
    query.orderBy('p.systemId', 'ASC');
    return paginate(query, args);
  }

  @Directive('@tag(name: "agency")')
  @Query(() => SecurityProfile, { nullable: true, description: 'The security profile of one system; null when unknown.' })
  async securityProfile(@Arg('systemId', () => String) systemId: string, @Ctx() ctx: SubgraphContext): Promise<SecurityProfile | null> {
    const profile = await ctx.db.getRepository(SecurityProfile).findOneBy({ systemId });
    return ownRowOrNull(ctx.principal, profile, profile?.ownerAgencyId);
  }

  @Authorized(...Roles.admin)
  @Mutation(() => SecurityProfile, {
    description: 'Records the approval of a system\'s security level (Decree 85/2016). Re-prioritises its alerts; publishes indicator.changed.',
  })
  async approveSecurityLevel(
    @Arg('systemId', () => String) systemId: string,
    @Arg('level', () => Int) level: number,
    @Arg('approvedOn', () => String, { nullable: true, description: 'Date of the decision (YYYY-MM-DD, not in the future); today by default.' }) approvedOn: string | null,
    @Arg('decisionNumber', () => String, { nullable: true, description: 'Number of the approval decision, e.g. 123/QĐ-UBND.' }) decisionNumber: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SecurityProfile> {
    if (!isValidLevel(level)) throw badInput('level', `must be 1–5, got ${level}`);
    const date = approvedOn ? parsePastDate(approvedOn, 'approvedOn') : vietnamToday();
    if (decisionNumber && decisionNumber.length > 100) throw badInput('decisionNumber', 'must be at most 100 characters');
    return withTransaction(ctx.db, async (tx) => {
      const before = await requireProfile(tx.manager, systemId, 'systemId', true);
      await tx.query(
        `UPDATE security_profile SET level = $2, approval_status = 'APPROVED', approved_date = $3, decision_number = $4, updated_at = now() WHERE system_id = $1`,
        [systemId, level, date, decisionNumber?.trim() || null],
      );
      const [, reprioritised] = await tx.query<[unknown, number]>(
        `UPDATE alert SET priority = ${severityWeightSql('severity')} * $2, updated_at = now() WHERE system_id = $1`,
        [systemId, level],
      );
      await ctx.bus.publish('indicator.changed', { domain: 'SECURITY', codes: ['systemsGradedShare', 'gradedSystemsInspectedShare'], systemId }, tx);
      const after = await tx.manager.getRepository(SecurityProfile).findOneByOrFail({ systemId });
      await recordAudit(tx, ctx, {
        operation: 'approveSecurityLevel',
        targetType: 'SecurityProfile',
        targetIds: [systemId],
        before,
        after,
        fields: ['level', 'approvalStatus', 'approvedDate', 'decisionNumber'],
        detail: { alertsReprioritised: reprioritised },
      });
      return after;
    });
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => InformationSystem)
  system(@Root() profile: SecurityProfile): InformationSystem {
    return { id: profile.systemId };
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Agency, { description: 'The system owner (chủ quản).' })
  ownerAgency(@Root() profile: SecurityProfile): Agency {
    return { id: profile.ownerAgencyId };
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => GradingApprovalAuthority, { nullable: true, description: 'Who approves this level: derived from it; null without a level.' })
  approvalAuthority(@Root() profile: SecurityProfile): GradingApprovalAuthority | null {
    return profile.level === null ? null : approvalAuthority(profile.level);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Next periodic inspection (ISO date): levels 3–4 yearly, level 5 every 6 months, from the last inspection or the approval.',
  })
  nextInspectionDue(@Root() profile: SecurityProfile): string | null {
    return nextInspectionDue(profile.level, profile.approvalStatus, profile.approvedDate, profile.lastInspection);
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Boolean, { description: 'The next inspection date has passed (Vietnam time).' })
  inspectionOverdue(@Root() profile: SecurityProfile): boolean {
    return isInspectionOverdue(nextInspectionDue(profile.level, profile.approvalStatus, profile.approvedDate, profile.lastInspection));
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => FourLayerProtection, { description: 'The four layers of Directive 14.' })
  protection(@Root() profile: SecurityProfile): FourLayerProtection {
    return {
      onSiteForce: profile.onSiteForce,
      professionalMonitoring: profile.professionalMonitoring,
      independentInspection: profile.independentInspection,
      ncscConnected: profile.ncscConnected,
      complete: hasFourLayers(profile),
    };
  }

  @Directive('@tag(name: "agency")')
  @FieldResolver(() => Int, { description: 'Open alerts on the system.' })
  async openAlertCount(@Root() profile: SecurityProfile, @Ctx() ctx: SubgraphContext): Promise<number> {
    return alertCount(ctx, 'system_id', profile.systemId);
  }
}
