/**
 * Newest-first list capped at `limit`, deduplicated by id (a resumed stream may replay what was
 * already shown). An item seen again replaces the old one in place.
 */
export function prependCapped<T extends { id: string }>(list: readonly T[], item: T, limit: number): T[] {
  const index = list.findIndex((each) => each.id === item.id);
  if (index >= 0) {
    const next = list.slice();
    next[index] = item;
    return next;
  }
  return [item, ...list].slice(0, limit);
}

/** The larger of two decimal sequence strings (bigserials compared numerically). */
export function maxSequence(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  return BigInt(b) > BigInt(a) ? b : a;
}
