import { batchedReference, type SubgraphContext } from '@ioc/kit';
import { systemsById } from '../loaders/catalogue.loader';

export const informationSystemReference = batchedReference<{ id: string }, SubgraphContext>('InformationSystem', async (refs, ctx) => {
  const systems = await systemsById(ctx);
  return refs.map((ref) => systems.get(ref.id) ?? null);
});
