import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, parsePastDate, recordAudit, Roles, type SubgraphContext, withTransaction } from '@ioc/kit';
import { SecurityProfile } from '../entities/security-profile.entity';
import { layerFlag } from '../domain/protection-layer';
import { ProtectionLayerKind } from '../enums/protection-layer.enum';
import { layerEvidenceOf } from '../loaders/protection-layer.loader';
import { ProtectionLayer } from '../types/protection-layer.type';
import { requireProfile } from '../validation/existence.validation';

const layerColumn = (layer: ProtectionLayerKind) => layerFlag[layer].replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The Department's compliance records: each layer with its evidence, and inspections. Admins record them; they move the plan's indicators live. */
@Resolver(() => SecurityProfile)
export class ComplianceResolver {
  @Authorized(...Roles.admin)
  @Mutation(() => SecurityProfile, {
    description: 'Records whether one of a system\'s four layers is in place, with its evidence and date (audited). Publishes indicator.changed.',
  })
  async recordProtectionLayer(
    @Arg('systemId', () => String) systemId: string,
    @Arg('layer', () => ProtectionLayerKind) layer: ProtectionLayerKind,
    @Arg('inPlace', () => Boolean) inPlace: boolean,
    @Arg('evidence', () => String, { description: 'What shows it: a contract, decision or report (3–1000 characters).' }) evidence: string,
    @Arg('evidencedOn', () => String, { description: 'Date of the evidence (YYYY-MM-DD, not in the future).' }) evidencedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SecurityProfile> {
    const text = evidence.trim();
    if (text.length < 3 || text.length > 1000) throw badInput('evidence', 'must be 3–1000 characters');
    const date = parsePastDate(evidencedOn, 'evidencedOn');
    return withTransaction(ctx.db, async (tx) => {
      const before = await requireProfile(tx.manager, systemId, 'systemId', true);
      await tx.query(`UPDATE security_profile SET ${layerColumn(layer)} = $2, updated_at = now() WHERE system_id = $1`, [systemId, inPlace]);
      await tx.query(
        `INSERT INTO protection_layer_evidence (system_id, layer, in_place, evidence, evidenced_on, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (system_id, layer) DO UPDATE SET in_place = EXCLUDED.in_place, evidence = EXCLUDED.evidence, evidenced_on = EXCLUDED.evidenced_on,
                                                    recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [systemId, layer, inPlace, text, date, ctx.principal.subject],
      );
      await ctx.bus.publish('indicator.changed', { domain: 'SECURITY', codes: ['dataCentreSystemsFourLayerShare'], systemId }, tx);
      const after = await tx.manager.getRepository(SecurityProfile).findOneByOrFail({ systemId });
      await recordAudit(tx, ctx, { operation: 'recordProtectionLayer', targetType: 'SecurityProfile', targetIds: [systemId], before, after, fields: [layerFlag[layer]], detail: { layer, evidence: text, evidencedOn: date } });
      return after;
    });
  }

  @Authorized(...Roles.admin)
  @Mutation(() => SecurityProfile, { description: 'Records a periodic inspection and assessment of an approved system (audited); the next one falls due from it. Publishes indicator.changed.' })
  async recordInspection(
    @Arg('systemId', () => String) systemId: string,
    @Arg('inspectedOn', () => String, { description: 'YYYY-MM-DD, not in the future, not before the approval.' }) inspectedOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SecurityProfile> {
    const date = parsePastDate(inspectedOn, 'inspectedOn');
    return withTransaction(ctx.db, async (tx) => {
      const before = await requireProfile(tx.manager, systemId, 'systemId', true);
      if (!before.approvedDate) throw badInput('systemId', `system ${systemId} has no approved level: inspections follow an approval`);
      if (date < before.approvedDate) throw badInput('inspectedOn', `${date} is before the approval (${before.approvedDate})`);
      if (before.lastInspection && date < before.lastInspection) throw badInput('inspectedOn', `${date} is before the last inspection (${before.lastInspection})`);
      await tx.query('UPDATE security_profile SET last_inspection = $2, updated_at = now() WHERE system_id = $1', [systemId, date]);
      await ctx.bus.publish('indicator.changed', { domain: 'SECURITY', codes: ['gradedSystemsInspectedShare'], systemId }, tx);
      const after = await tx.manager.getRepository(SecurityProfile).findOneByOrFail({ systemId });
      await recordAudit(tx, ctx, { operation: 'recordInspection', targetType: 'SecurityProfile', targetIds: [systemId], before, after, fields: ['lastInspection'] });
      return after;
    });
  }

  @FieldResolver(() => [ProtectionLayer], { description: 'The four layers of Directive 14, each with the evidence last recorded for it.' })
  async layers(@Root() profile: SecurityProfile, @Ctx() ctx: SubgraphContext): Promise<ProtectionLayer[]> {
    const evidence = await layerEvidenceOf(ctx, profile.systemId);
    return Object.values(ProtectionLayerKind).map((layer) => {
      const row = evidence.find((candidate) => candidate.layer === layer);
      return { layer, inPlace: profile[layerFlag[layer]], evidence: row?.evidence ?? null, evidencedOn: row?.evidencedOn ?? null, recordedBy: row?.recordedBy ?? null };
    });
  }
}
