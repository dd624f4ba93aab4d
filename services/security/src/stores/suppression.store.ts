import type { EntityManager } from 'typeorm';
import { SuppressionRule } from '../entities/suppression-rule.entity';
import { matchSuppression, type SuppressibleEvent, type SuppressionRuleFacts } from '../domain/suppression';

type LoadedRule = SuppressionRuleFacts & { rule: SuppressionRule };

/** A rule row as the pure matcher reads it (dates as Dates). */
export const suppressionFacts = (rule: SuppressionRule): LoadedRule => ({
  rule,
  target: rule.target,
  value: rule.value,
  serverId: rule.serverId,
  startsAt: new Date(rule.startsAt),
  endsAt: new Date(rule.endsAt),
  liftedAt: rule.liftedAt ? new Date(rule.liftedAt) : null,
});

/**
 * The rules that may mute events seen between `from` and `to`, oldest first: one query for a
 * whole batch, then `matcher` decides per event in memory.
 */
export async function suppressionMatcher(manager: EntityManager, from: Date, to: Date): Promise<(event: SuppressibleEvent) => SuppressionRule | undefined> {
  const rules = await manager
    .getRepository(SuppressionRule)
    .createQueryBuilder('s')
    .where('s.lifted_at IS NULL')
    .andWhere('s.starts_at <= :to', { to })
    .andWhere('s.ends_at > :from', { from })
    .orderBy('s.sequence', 'ASC')
    .getMany();
  const facts = rules.map(suppressionFacts);
  return (event) => (facts.length ? matchSuppression(facts, event)?.rule : undefined);
}

/** Adds muted events to their rules' counters (rule id → events and the latest seen), in the caller's transaction. */
export async function countMuted(manager: EntityManager, muted: ReadonlyMap<string, { events: number; lastSeen: Date }>): Promise<void> {
  if (!muted.size) return;
  const ids = [...muted.keys()];
  // The rules' rows are locked first, in id order: one UPDATE … FROM unnest() locks them in the
  // order the join meets them (the batch's order of first muted event), so two ingest batches
  // muting the same rules in different orders could each hold one and wait on the other.
  await manager.query('SELECT id FROM suppression_rule WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
  await manager.query(
    `UPDATE suppression_rule AS s
        SET muted_count = s.muted_count + m.events,
            last_muted_at = GREATEST(s.last_muted_at, m.last_seen)
       FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS m (id, events, last_seen)
      WHERE s.id = m.id`,
    [ids, ids.map((id) => muted.get(id)!.events), ids.map((id) => muted.get(id)!.lastSeen)],
  );
}

/** One event (the raiseAlert path): the rule that mutes it, already counted, or null when it should be raised. */
export async function muteIfSuppressed(manager: EntityManager, event: SuppressibleEvent): Promise<SuppressionRule | null> {
  const rule = (await suppressionMatcher(manager, event.observedAt, event.observedAt))(event);
  if (!rule) return null;
  await countMuted(manager, new Map([[rule.id, { events: 1, lastSeen: event.observedAt }]]));
  return manager.getRepository(SuppressionRule).findOneByOrFail({ id: rule.id });
}
