import { In } from 'typeorm';
import { alignByKey, batchedReference, type SubgraphContext } from '@ioc/kit';
import { CommunityTeam } from '../entities/community-team.entity';

export const communityTeamReference = batchedReference<{ id: string }, SubgraphContext>('CommunityTeam', async (refs, ctx) => {
  const ids = refs.map((ref) => ref.id);
  return alignByKey(ids, await ctx.db.getRepository(CommunityTeam).findBy({ id: In(ids) }), (row) => row.id);
});
