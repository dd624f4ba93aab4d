import { describe, expect, it } from 'vitest';
import { containsPattern } from '../src/search';

describe('containsPattern', () => {
  it('folds accents and case so "tra vinh" finds "Trà Vinh"', () => {
    expect(containsPattern('Trà  Vinh')).toBe('%tra vinh%');
    expect(containsPattern('ĐẠI')).toBe('%dai%');
  });

  it('takes LIKE wildcards and the escape character typed by a user literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('gives no pattern for nothing to search', () => {
    expect(containsPattern('   ')).toBeNull();
    expect(containsPattern(null)).toBeNull();
  });
});
