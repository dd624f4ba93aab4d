import type { Response } from 'express';

/** A caller's bucket as the RateLimit headers report it. */
export interface RateLimitState {
  limit: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

/**
 * A token bucket per caller identity: `perMinute` requests a minute, bursting up to the same
 * number. Idle buckets are forgotten so memory follows active callers only.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; updated: number }>();
  const refillPerMs = perMinute / 60_000;
  let sweeps = 0;
  const refilled = (identity: string, time: number) => {
    const bucket = buckets.get(identity) ?? { tokens: perMinute, updated: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMs);
    bucket.updated = time;
    return bucket;
  };
  return {
    /** Returns 0 when allowed, else the milliseconds until the next request would be. */
    take(identity: string): number {
      const time = now();
      if (++sweeps % 10_000 === 0) {
        for (const [key, bucket] of buckets) if (time - bucket.updated > 120_000) buckets.delete(key);
      }
      const bucket = refilled(identity, time);
      buckets.set(identity, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / refillPerMs);
    },
    /** The caller's bucket without taking from it. */
    state(identity: string): RateLimitState {
      const { tokens } = refilled(identity, now());
      return { limit: perMinute, remaining: Math.floor(tokens), resetSeconds: Math.ceil((perMinute - tokens) / refillPerMs / 1000) };
    },
  };
}

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, the `RateLimit-Limit`
 * / `-Remaining` / `-Reset` form most client libraries read) and the policy: `perMinute` in a
 * 60-second window.
 */
export function setRateLimitHeaders(res: Response, state: RateLimitState): void {
  res.setHeader('RateLimit-Limit', String(state.limit));
  res.setHeader('RateLimit-Remaining', String(state.remaining));
  res.setHeader('RateLimit-Reset', String(state.resetSeconds));
  res.setHeader('RateLimit-Policy', `${state.limit};w=60`);
}
