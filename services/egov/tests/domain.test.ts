import { dayOfDate } from '@ioc/kit';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDate, isWorkingDay } from '../src/domain/calendar';
import { maskName, maskPhone } from '../src/domain/masking';
import { handlingAgencyId } from '../src/resolvers/dossier.resolver';
import { UnitLevel } from '../src/enums/administrative-unit.enum';

describe('calendar', () => {
  it('knows 2022 had 249 working days (weekends and days off excluded)', () => {
    const first = dayOfDate('2022-01-01');
    let working = 0;
    for (let day = first; day < first + 365; day++) if (isWorkingDay(day)) working++;
    expect(working).toBe(249);
    expect(isWorkingDay(dayOfDate('2022-02-01'))).toBe(false); // Tết
    expect(isWorkingDay(dayOfDate('2022-09-02'))).toBe(false); // National Day
  });

  it('counts deadlines in working days, skipping Tết', () => {
    // Received Friday 28 January 2022; Tết closes 31 Jan – 4 Feb; 3 working days later is Wed 9 Feb.
    expect(addWorkingDays(dayOfDate('2022-01-28'), 3)).toBe(dayOfDate('2022-02-09'));
    expect(dueDate(new Date('2022-01-28T03:00:00Z'), 3).toISOString()).toBe('2022-02-09T10:00:00.000Z');
  });
});

describe('masking personal data', () => {
  it('keeps the family name and initials of a name', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A**');
    expect(maskName('Thạch Thị Sa Rết')).toBe('Thạch T. S. R**');
    expect(maskName('Lan')).toBe('L***');
  });

  it('keeps the prefix and last two digits of a phone number', () => {
    expect(maskPhone('0912345678')).toBe('09******78');
    expect(maskPhone('+84 912 345 678')).toBe('84*******78');
  });
});

describe('handling agency', () => {
  it('is the department, the district or the commune committee by level of authority', () => {
    const commune = { code: '29263', parentCode: '842' };
    expect(handlingAgencyId({ authorityLevel: UnitLevel.PROVINCE, agencyId: 'STP' }, commune)).toBe('STP');
    expect(handlingAgencyId({ authorityLevel: UnitLevel.DISTRICT, agencyId: 'STP' }, commune)).toBe('ubnd-842');
    expect(handlingAgencyId({ authorityLevel: UnitLevel.COMMUNE, agencyId: 'STP' }, commune)).toBe('ubnd-29263');
  });
});
