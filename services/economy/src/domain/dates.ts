import { badInput } from '@ioc/kit';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Trà Vinh (UTC+7), as an ISO date. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}

/** An optional ISO calendar date (YYYY-MM-DD); `argument` names it in the error. */
export function parseDay(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!dayPattern.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(argument, `"${value}" is not an ISO date (YYYY-MM-DD)`);
  }
  return value;
}

/** An optional ISO date that is not in the future (a joining or listing date). */
export function parsePastDay(value: string | null | undefined, argument: string, now = Date.now()): string | undefined {
  const day = parseDay(value, argument);
  if (day !== undefined && day > todayInVietnam(now)) throw badInput(argument, `${day} is in the future`);
  return day;
}

/** An optional inclusive range of days given as two arguments; `to` before `from` is refused. */
export function parseDayRange(
  from: string | null | undefined,
  to: string | null | undefined,
  names: { from: string; to: string },
): { from?: string; to?: string } {
  const range = { from: parseDay(from, names.from), to: parseDay(to, names.to) };
  if (range.from && range.to && range.from > range.to) throw badInput(names.to, `${range.to} is before ${names.from} ${range.from}`);
  return range;
}
