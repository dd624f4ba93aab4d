import { agencyScopeOf, badInput, forbidden, Roles, type SubgraphContext } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { MonitoredServer } from '../entities/monitored-server.entity';
import { SecurityProfile } from '../entities/security-profile.entity';

/** The system's profile, or BAD_USER_INPUT naming `argument` when no system has that id. */
export async function requireProfile(db: SubgraphContext['db'] | EntityManager, systemId: string, argument: string, lock = false): Promise<SecurityProfile> {
  const repository = db.getRepository(SecurityProfile);
  const profile = lock
    ? await repository.findOne({ where: { systemId }, lock: { mode: 'pessimistic_write' } })
    : await repository.findOneBy({ systemId });
  if (!profile) throw badInput(argument, `no information system with id "${systemId}"`);
  return profile;
}

/** A server the SOC monitors, or BAD_USER_INPUT naming `argument`. */
export async function requireServer(db: SubgraphContext['db'] | EntityManager, serverId: string, argument: string): Promise<MonitoredServer> {
  const server = await db.getRepository(MonitoredServer).findOneBy({ serverId });
  if (!server) throw badInput(argument, `no monitored server with id "${serverId}"`);
  return server;
}

/**
 * Checks the ids a list or stream filters on. An agency client gets no existence check: an
 * unknown id and another agency's id both give an empty list, so a list tells nothing about
 * what exists elsewhere. Filtering by server is a detail (which host has which alerts), not a
 * count a dashboard may take: viewers are refused it, naming the argument.
 */
export async function checkListFilters(ctx: SubgraphContext, field: string, filters: { systemId?: string | null; serverId?: string | null }): Promise<void> {
  if (filters.serverId && !(Roles.socDetail as readonly string[]).includes(ctx.principal.role)) {
    throw forbidden(`${field}(serverId:)`, `needs role ${Roles.socDetail.join(' or ')} (caller is ${ctx.principal.role})`);
  }
  if (agencyScopeOf(ctx.principal) !== undefined) return;
  if (filters.systemId) await requireProfile(ctx.db, filters.systemId, 'systemId');
  if (filters.serverId) await requireServer(ctx.db, filters.serverId, 'serverId');
}
