import { loadBy, loadManyBy, loadOnce, type LoaderContext } from '@ioc/kit';
import { SecurityProfile } from '../entities/security-profile.entity';

/** The security profile of an information system (one query for all systems of a request). */
export const profileOfSystem = (ctx: LoaderContext, systemId: string): Promise<SecurityProfile | null> => loadBy(ctx, SecurityProfile, 'systemId', systemId);

/** The profiles of the systems an agency owns, by system id. */
export const profilesOfOwner = (ctx: LoaderContext, agencyId: string): Promise<SecurityProfile[]> =>
  loadManyBy(ctx, SecurityProfile, 'ownerAgencyId', agencyId, { systemId: 'ASC' });

/** Every profile, once per request: the summary's counts and indicators are computed from it. */
export const allProfiles = (ctx: LoaderContext): Promise<SecurityProfile[]> =>
  loadOnce(ctx, 'all-profiles', () => ctx.db.getRepository(SecurityProfile).find({ order: { systemId: 'ASC' } }));
