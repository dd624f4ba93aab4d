import type { EventCacheDefinition } from '@ioc/kit';

/**
 * The province summary and indicator actuals (20 counts over stations, servers, connections),
 * cached until this service publishes one of its events (every replica) or commits any write
 * (this replica). Certificate and server states are columns, not dates: nothing here moves with
 * time alone; the TTL only bounds what another replica's silent write could leave stale.
 */
export const infrastructureReads: EventCacheDefinition = {
  name: 'infrastructure reads',
  topics: ['bts.status-changed', 'server.changed', 'server.health-changed', 'indicator.changed'],
  ttlMs: 30_000,
  everyCommit: true,
};
