import { isCalendarDate, vietnamOffset } from '@ioc/kit';

/** The periods a SOC report covers: a week from a Monday, a quarter, a half-year or a year from its first day. */
export enum ReportPeriod {
  WEEK = 'WEEK',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}

const monthsOf: Record<Exclude<ReportPeriod, ReportPeriod.WEEK>, number> = {
  [ReportPeriod.QUARTER]: 3,
  [ReportPeriod.HALF_YEAR]: 6,
  [ReportPeriod.YEAR]: 12,
};

/** Months a period may start in (1-based). */
const startMonths: Record<Exclude<ReportPeriod, ReportPeriod.WEEK>, number[]> = {
  [ReportPeriod.QUARTER]: [1, 4, 7, 10],
  [ReportPeriod.HALF_YEAR]: [1, 7],
  [ReportPeriod.YEAR]: [1],
};

/**
 * The period's [start, end) in Vietnam time, or the problem with `from` (YYYY-MM-DD): a week
 * starts on a Monday, a quarter, half-year or year on the first day of its first month.
 */
export function reportWindow(period: ReportPeriod, from: string): { start: Date; end: Date } | { problem: string } {
  if (!isCalendarDate(from)) return { problem: `"${from}" is not a date (YYYY-MM-DD)` };
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const start = new Date(`${from}T00:00:00${vietnamOffset}`);
  if (period === ReportPeriod.WEEK) {
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() !== 1) return { problem: `a week starts on a Monday; ${from} is not one` };
    return { start, end: new Date(start.getTime() + 7 * 24 * 60 * 60 * 1000) };
  }
  if (day !== 1 || !startMonths[period].includes(month)) {
    const firsts = startMonths[period].map((m) => `${String(m).padStart(2, '0')}-01`).join(', ');
    return { problem: `a ${period.toLowerCase().replace('_', '-')} starts on ${firsts}; got ${from}` };
  }
  const endMonth = month - 1 + monthsOf[period];
  const endDate = new Date(Date.UTC(year + Math.floor(endMonth / 12), endMonth % 12, 1)).toISOString().slice(0, 10);
  return { start, end: new Date(`${endDate}T00:00:00${vietnamOffset}`) };
}
