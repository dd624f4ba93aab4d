/**
 * A token bucket per caller identity: `perMinute` requests a minute, bursting up to the same
 * number. Idle buckets are forgotten so memory follows active callers only.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; updated: number }>();
  const refillPerMs = perMinute / 60_000;
  let sweeps = 0;
  return {
    /** Returns 0 when allowed, else the milliseconds until the next request would be. */
    take(identity: string): number {
      const time = now();
      if (++sweeps % 10_000 === 0) {
        for (const [key, bucket] of buckets) if (time - bucket.updated > 120_000) buckets.delete(key);
      }
      const bucket = buckets.get(identity) ?? { tokens: perMinute, updated: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
      bucket.updated = time;
      buckets.set(identity, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / refillPerMs);
    },
  };
}
