import { batchedReference, type SubgraphContext } from '@ioc/kit';
import { agenciesById } from '../loaders/catalogue.loader';

export const agencyReference = batchedReference<{ id: string }, SubgraphContext>('Agency', async (refs, ctx) => {
  const agencies = await agenciesById(ctx);
  return refs.map((ref) => agencies.get(ref.id) ?? null);
});
