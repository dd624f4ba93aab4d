import { In } from 'typeorm';
import { alignByKey, type SubgraphContext } from '@ioc/kit';
import { SecurityProfile } from '../entities/security-profile.entity';

/**
 * Per-request DataLoaders: a list of N systems, servers or agencies asking for a field costs one
 * SQL query per field, not N.
 */

export function profilesBySystem(ctx: SubgraphContext) {
  return ctx.loaders.get<string, SecurityProfile>('profile-by-system', async (ids) => {
    const rows = await ctx.db.getRepository(SecurityProfile).findBy({ systemId: In([...ids]) });
    return alignByKey(ids, rows, (row) => row.systemId);
  });
}

export function profilesByOwner(ctx: SubgraphContext) {
  return ctx.loaders.get<string, SecurityProfile[]>('profiles-by-owner', async (ids) => {
    const rows = await ctx.db.getRepository(SecurityProfile).find({ where: { ownerAgencyId: In([...ids]) }, order: { systemId: 'ASC' } });
    return ids.map((id) => rows.filter((row) => row.ownerAgencyId === id));
  });
}

/** Every profile, once per request: the summary's counts and indicators are computed from it. */
export function allProfiles(ctx: SubgraphContext): Promise<SecurityProfile[]> {
  return ctx.loaders
    .get<string, SecurityProfile[]>('all-profiles', async (keys) => {
      const rows = await ctx.db.getRepository(SecurityProfile).find({ order: { systemId: 'ASC' } });
      return keys.map(() => rows);
    })
    .load('all')
    .then((rows) => rows ?? []);
}
