import { badInput, type SubgraphContext } from '@ioc/kit';
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
