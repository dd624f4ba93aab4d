import { badInput } from '@ioc/kit';
import { instantOf, localDayOfDate } from './calendar';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2022-02-30, which `Date` would roll over). */
export function isCalendarDate(value: string): boolean {
  if (!dateOnly.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Parses an ISO date or date-time argument. A bare date means a day in province time: as a
 * lower bound its first instant, as an upper bound the first instant of the next day (so
 * `to: "2022-12-31"` includes all of 31 December).
 */
export function parseInstant(value: string, argument: string, bound: 'from' | 'to' | 'at'): Date {
  if (dateOnly.test(value)) {
    if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not a valid date`);
    const day = localDayOfDate(value);
    return instantOf(bound === 'to' ? day + 1 : day);
  }
  const instant = new Date(value);
  if (!dateTime.test(value) || Number.isNaN(instant.getTime())) {
    throw badInput(argument, `"${value}" is not an ISO 8601 date (2022-12-31) or date-time with offset (2022-12-31T08:00:00+07:00)`);
  }
  return bound === 'to' ? new Date(instant.getTime() + 1) : instant;
}

/** `[from, to)` from optional bounds; rejects an empty or inverted range naming the first argument. */
export function parseRange(
  from: string | null | undefined,
  to: string | null | undefined,
  fromArgument: string,
  toArgument: string,
): { from?: Date; to?: Date } {
  const range = {
    from: from ? parseInstant(from, fromArgument, 'from') : undefined,
    to: to ? parseInstant(to, toArgument, 'to') : undefined,
  };
  if (range.from && range.to && range.from >= range.to) throw badInput(fromArgument, `${fromArgument} (${from}) is after ${toArgument} (${to})`);
  return range;
}

/** Today's date in province time (YYYY-MM-DD). */
export function todayInProvince(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function parseValidOn(value: string | null | undefined, argument = 'validOn'): string {
  if (value === null || value === undefined) return todayInProvince();
  if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not an ISO date (YYYY-MM-DD)`);
  return value;
}

export function checkYear(year: number, argument = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(argument, `must be a year between 2000 and 2100, got ${year}`);
  return year;
}
