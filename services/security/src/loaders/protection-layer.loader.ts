import { loadManyBy, type LoaderContext } from '@ioc/kit';
import { ProtectionLayerEvidence } from '../entities/protection-layer-evidence.entity';

/** The evidence rows of a system: a page of profiles asking for their layers costs one query. */
export const layerEvidenceOf = (ctx: LoaderContext, systemId: string): Promise<ProtectionLayerEvidence[]> => loadManyBy(ctx, ProtectionLayerEvidence, 'systemId', systemId, {});
