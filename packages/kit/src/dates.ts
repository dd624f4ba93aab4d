import { badInput } from './errors';

/**
 * The one Vietnam clock and date parser of every subgraph. Asia/Ho_Chi_Minh keeps UTC+07:00 all
 * year (no daylight saving), so a fixed offset is exact. Every date the graph takes or gives is a
 * day in Vietnam: a bare date "2022-12-31" is that day in Vietnam, never a UTC day.
 *
 * Ranges: `from` and `to` are both inclusive, as a date picker means them. `to: "2022-12-31"`
 * takes in all of 31 December (Vietnam time), `to: "2022-12-31T17:00:00+07:00"` that instant too.
 * Instant ranges are returned half-open as `{ from, before }` (query with `>= from` and
 * `< before`); date ranges as inclusive `{ from, to }` dates (compare `date` columns with `<=`).
 */
export const vietnamOffset = '+07:00';
export const vietnamOffsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const offsetPattern = /(Z|[+-]\d{2}:?\d{2})$/;

/** Days since 1970-01-01 in Vietnam time (day arithmetic without time zones). */
export const vietnamDayOf = (instant: Date | number): number => Math.floor((Number(instant) + vietnamOffsetMs) / dayMs);

/** The day number of an ISO date (YYYY-MM-DD). */
export const dayOfDate = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / dayMs);

/** The ISO date (YYYY-MM-DD) of a day number. */
export const dateOfDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10);

/** The instant of `hour`:`minute` Vietnam time on a day number. */
export const vietnamInstant = (day: number, hour = 0, minute = 0): Date => new Date(day * dayMs - vietnamOffsetMs + (hour * 60 + minute) * 60_000);

/** Today's date in Vietnam (YYYY-MM-DD). */
export function vietnamToday(now: Date | number = Date.now()): string {
  return dateOfDay(vietnamDayOf(now));
}

/** Today in Vietnam in SQL, whatever the session's time zone setting. */
export const vietnamTodaySql = `((now() AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/** A calendar year in Vietnam time, half-open: [start, end). */
export function vietnamYear(year: number): { start: Date; end: Date } {
  return { start: vietnamInstant(dayOfDate(`${year}-01-01`)), end: vietnamInstant(dayOfDate(`${year + 1}-01-01`)) };
}

/** A real calendar date in YYYY-MM-DD form (2022-02-30 is not: `Date` would roll it over). */
export function isCalendarDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** A date argument (YYYY-MM-DD); BAD_USER_INPUT names `argument` otherwise. */
export function parseDate(value: string, argument: string): string {
  if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not an ISO date (YYYY-MM-DD)`);
  return value;
}

/** An optional date argument: undefined when not given. */
export function parseOptionalDate(value: string | null | undefined, argument: string): string | undefined {
  return value === null || value === undefined ? undefined : parseDate(value, argument);
}

/** A date argument that may not lie after today in Vietnam (a joining, listing or approval date). */
export function parsePastDate(value: string, argument: string, today: string = vietnamToday()): string {
  if (parseDate(value, argument) > today) throw badInput(argument, `${value} is in the future`);
  return value;
}

/** An inclusive range of dates; `to` before `from` is refused naming `to`. */
export function parseDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): { from?: string; to?: string } {
  const range = { from: parseOptionalDate(from, names.from), to: parseOptionalDate(to, names.to) };
  if (range.from && range.to && range.from > range.to) throw badInput(names.to, `${names.to} (${range.to}) is before ${names.from} (${range.from})`);
  return range;
}

/**
 * An ISO 8601 date or date-time argument as an instant. A bare date is the first instant of that
 * day in Vietnam; a date-time without an offset is Vietnam time. With `bound: 'to'` the result is
 * the exclusive end of what the value names: the next day's first instant for a date, the next
 * millisecond for a date-time.
 */
export function parseInstant(value: string, argument: string, bound: 'from' | 'to' = 'from'): Date {
  if (datePattern.test(value)) {
    if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not a valid date`);
    const day = dayOfDate(value);
    return vietnamInstant(bound === 'to' ? day + 1 : day);
  }
  if (!dateTimePattern.test(value) || !isCalendarDate(value.slice(0, 10))) {
    throw badInput(argument, `"${value}" is not an ISO 8601 date (2022-12-31) or date-time (2022-12-31T08:00:00+07:00)`);
  }
  const instant = new Date(offsetPattern.test(value) ? value : `${value}${vietnamOffset}`);
  if (Number.isNaN(instant.getTime())) throw badInput(argument, `"${value}" is not an ISO 8601 date or date-time`);
  return bound === 'to' ? new Date(instant.getTime() + 1) : instant;
}

/** Inclusive `from`/`to` arguments as the half-open instants [from, before); an inverted range is refused naming `from`. */
export function parseInstantRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): { from?: Date; before?: Date } {
  const range = {
    from: from === null || from === undefined ? undefined : parseInstant(from, names.from),
    before: to === null || to === undefined ? undefined : parseInstant(to, names.to, 'to'),
  };
  if (range.from && range.before && range.from >= range.before) throw badInput(names.from, `${names.from} (${from}) is after ${names.to} (${to})`);
  return range;
}

/** A year argument the plans and reports cover. */
export function checkYear(year: number, argument = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(argument, `must be a year between 2000 and 2100, got ${year}`);
  return year;
}
