import { dateOfDay, vietnamDayOf, vietnamInstant } from '@ioc/kit';

/**
 * Working days in Vietnam: Monday to Friday except the official days off, on the kit's Vietnam
 * day numbers. Dossier deadlines count working days; seeds spread dossiers over them.
 */
const dayMs = 86_400_000;

/** Official days off that fall on weekdays (including days in lieu), by year. */
const holidays: Record<number, string[]> = {
  2022: ['01-03', '01-31', '02-01', '02-02', '02-03', '02-04', '04-11', '05-02', '05-03', '09-01', '09-02'],
  2023: ['01-02', '01-20', '01-23', '01-24', '01-25', '01-26', '05-01', '05-02', '05-03', '09-01', '09-04'],
  2024: ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03'],
  2025: ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02'],
  2026: ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '04-27', '04-30', '05-01', '09-01', '09-02'],
};
const holidaySet = new Set(Object.entries(holidays).flatMap(([year, days]) => days.map((day) => `${year}-${day}`)));

export function isWorkingDay(localDay: number): boolean {
  const weekday = new Date(localDay * dayMs).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidaySet.has(dateOfDay(localDay));
}

/** The local day that is `days` working days after `localDay` (receipt day itself not counted). */
export function addWorkingDays(localDay: number, days: number): number {
  let day = localDay;
  let left = days;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** Statutory deadline of a dossier received at `receivedAt`: 17:00 on the n-th following working day. */
export function dueDate(receivedAt: Date, processingDays: number): Date {
  return vietnamInstant(addWorkingDays(vietnamDayOf(receivedAt), processingDays), 17, 0);
}
