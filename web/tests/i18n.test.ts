// @vitest-environment node
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import vi from '../src/i18n/vi.json';
import { translate } from '../src/i18n/i18n';
import { formatDateTime, formatMillionVnd, formatNumber, provinceToday } from '../src/lib/format';

describe('translations', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)]) expect(value, key).not.toBe('');
  });

  it('fill placeholders and keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    expect(translate('vi', 'tile.ageSeconds', { n: 12 })).toBe('cập nhật 12 giây trước');
    expect(translate('en', 'tile.ageSeconds', { n: 12 })).toBe('updated 12 s ago');
  });
});

describe('locale formatting', () => {
  it('groups thousands with dots in Vietnamese and commas in English', () => {
    expect(formatNumber('vi', 1208)).toBe('1.208');
    expect(formatNumber('en', 1208)).toBe('1,208');
    expect(formatNumber('vi', 12.5)).toBe('12,5');
    expect(formatNumber('en', null)).toBe('—');
  });

  it('counts money in millions of đồng', () => {
    expect(formatMillionVnd('vi', 1250)).toBe('1.250 triệu đồng');
    expect(formatMillionVnd('en', 1250)).toBe('VND 1,250 million');
  });

  it('shows times and days in Asia/Ho_Chi_Minh whatever the machine zone', () => {
    // 17:30 UTC is 00:30 the next day in Vietnam (UTC+7).
    expect(formatDateTime('vi', '2023-05-01T17:30:00Z')).toBe('00:30 02/05/2023');
    expect(provinceToday(new Date('2023-05-01T17:30:00Z'))).toBe('2023-05-02');
  });
});
