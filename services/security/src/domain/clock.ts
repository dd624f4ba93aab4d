/** Vietnam keeps UTC+07:00 all year (no daylight saving). */
export const vietnamOffset = '+07:00';
export const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam (YYYY-MM-DD). */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/** The same "today" in SQL, independent of the session's time zone setting. */
export const vietnamTodaySql = `((now() AT TIME ZONE 'UTC') + interval '7 hours')::date`;
