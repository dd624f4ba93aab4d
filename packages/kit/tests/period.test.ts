import { describe, expect, it } from 'vitest';
import { periodEnd } from '../src/indicators/period';

describe('periods', () => {
  it('ends years, quarters and months on their last day', () => {
    expect(periodEnd('2022')).toBe('2022-12-31');
    expect(periodEnd('2023-Q1')).toBe('2023-03-31');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2023-Q4')).toBe('2023-12-31');
  });
  it('rejects anything else', () => {
    for (const bad of ['22', '2023-Q5', '2023-13', '2023-1', '2023Q1', '', 'abcd']) expect(periodEnd(bad)).toBeNull();
  });
});
