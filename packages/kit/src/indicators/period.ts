/** Reporting periods: a year ("2022"), a quarter ("2023-Q1") or a month ("2023-05"). */
const periodPattern = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** The last day (ISO date) of a period, or null when the text is not a period. */
export function periodEnd(period: string): string | null {
  const match = periodPattern.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  const month = match[2] ? Number(match[2]) * 3 : match[3] ? Number(match[3]) : 12;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0));
  return last.toISOString().slice(0, 10);
}

export const isPeriod = (period: string) => periodEnd(period) !== null;
