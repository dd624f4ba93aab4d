import type { EventCacheDefinition } from '@ioc/kit';

/**
 * The province's security summary (grading counts, open alerts and incidents, alert statistics,
 * indicator actuals), cached until this service publishes one of its events (every replica) or
 * commits any write (this replica). Time-dependent values — inspections overdue, incidents past
 * their 5-day reporting deadline (`now()`) — are at most `ttlMs` stale: the TTL bounds them.
 */
export const securityReads: EventCacheDefinition = {
  name: 'security reads',
  topics: ['alert.raised', 'alert.updated', 'incident.changed', 'indicator.changed'],
  ttlMs: 30_000,
  everyCommit: true,
};
