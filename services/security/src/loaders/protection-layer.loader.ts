import type { SubgraphContext } from '@ioc/kit';
import { In } from 'typeorm';
import { ProtectionLayerEvidence } from '../entities/protection-layer-evidence.entity';

/** The evidence rows of each system: a page of profiles asking for their layers costs one query. */
export function layerEvidenceOf(ctx: SubgraphContext) {
  return ctx.loaders.get<string, ProtectionLayerEvidence[]>('protection-layer-evidence', async (systemIds) => {
    const rows = await ctx.db.getRepository(ProtectionLayerEvidence).findBy({ systemId: In([...systemIds]) });
    return systemIds.map((id) => rows.filter((row) => row.systemId === id));
  });
}
