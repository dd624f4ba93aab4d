import { badInput } from '@ioc/kit';

import { vietnamOffset, vietnamOffsetMs as offsetMs, vietnamToday } from './clock';

// Dates and times without an offset are read in the province's local time.
const dayMs = 24 * 60 * 60 * 1000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/;

/** A real calendar date (rejects 2022-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!dateOnly.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Reads a date or date-time argument; a date alone as an upper bound means "through the end of that day". */
export function parseInstant(value: string, argument: string, endOfDay = false): Date {
  if (dateOnly.test(value)) {
    if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not a valid date`);
    const start = new Date(`${value}T00:00:00${vietnamOffset}`);
    return endOfDay ? new Date(start.getTime() + dayMs - 1) : start;
  }
  if (!dateTime.test(value) || !isCalendarDate(value.slice(0, 10))) throw badInput(argument, `"${value}" is not an ISO 8601 date or date-time`);
  const date = new Date(hasOffset.test(value) ? value : `${value}${vietnamOffset}`);
  if (Number.isNaN(date.getTime())) throw badInput(argument, `"${value}" is not an ISO 8601 date or date-time`);
  return date;
}

/** `from`/`to` arguments as instants; errors name the argument at fault. */
export function parseRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): { from?: Date; to?: Date } {
  const range = {
    from: from === null || from === undefined ? undefined : parseInstant(from, names.from),
    to: to === null || to === undefined ? undefined : parseInstant(to, names.to, true),
  };
  if (range.from && range.to && range.from > range.to) throw badInput(names.from, `from (${from}) is after to (${to})`);
  return range;
}

/** A calendar year in Vietnam time as [start, end). */
export function yearRange(year: number): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, 0, 1) - offsetMs), end: new Date(Date.UTC(year + 1, 0, 1) - offsetMs) };
}

/** A date (YYYY-MM-DD) argument that may not lie in the future (Vietnam time). */
export function parsePastDate(value: string, argument: string, today: string = vietnamToday()): string {
  if (!isCalendarDate(value)) throw badInput(argument, `"${value}" is not a date (YYYY-MM-DD)`);
  if (value > today) throw badInput(argument, `${value} is in the future`);
  return value;
}
