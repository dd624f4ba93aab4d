import { describe, expect, it } from 'vitest';
import { bigintString, isoTimestamp, numericNumber } from '../src/columns';

describe('column transformers', () => {
  it('isoTimestamp reads a Date (what pg gives) or a string as ISO 8601 UTC, null as null', () => {
    expect(isoTimestamp.from(new Date('2024-03-01T10:00:00+07:00'))).toBe('2024-03-01T03:00:00.000Z');
    expect(isoTimestamp.from('2024-03-01 10:00:00+07')).toBe('2024-03-01T03:00:00.000Z');
    expect(isoTimestamp.from(null)).toBeNull();
    expect(isoTimestamp.from(undefined)).toBeNull();
    expect(() => isoTimestamp.from(new Date('not a date'))).toThrow(RangeError);
  });

  it('numericNumber and bigintString', () => {
    expect(numericNumber.from('12.50')).toBe(12.5);
    expect(numericNumber.from(null)).toBeNull();
    expect(bigintString.from('9007199254740993')).toBe('9007199254740993');
    expect(bigintString.from(42)).toBe('42');
  });
});
