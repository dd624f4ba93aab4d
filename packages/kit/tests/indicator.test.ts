import { describe, expect, it } from 'vitest';
import { evaluateIndicator, IndicatorComparator, IndicatorStatus, indicatorStatus } from '../src/indicator';

describe('indicator status', () => {
  it.each([
    [IndicatorComparator.GTE, 50, 50, IndicatorStatus.ON_TRACK],
    [IndicatorComparator.GTE, 50, 45.5, IndicatorStatus.AT_RISK],
    [IndicatorComparator.GTE, 50, 15.66, IndicatorStatus.OFF_TRACK],
    [IndicatorComparator.GT, 80, 80, IndicatorStatus.AT_RISK],
    [IndicatorComparator.GT, 80, 80.1, IndicatorStatus.ON_TRACK],
    [IndicatorComparator.EQ, 100, 100, IndicatorStatus.ON_TRACK],
    [IndicatorComparator.LTE, 5, 7, IndicatorStatus.OFF_TRACK],
    [IndicatorComparator.GTE, 50, null, IndicatorStatus.NO_DATA],
  ])('%s target %d, actual %s → %s', (comparator, target, actual, status) => {
    expect(indicatorStatus(comparator, target, actual)).toBe(status);
  });

  it('rounds the actual to two decimals before judging it', () => {
    const definition = { code: 'x', titleVi: 'x', titleEn: 'x', unit: '%', baseline: null, target: 50, comparator: IndicatorComparator.GTE };
    expect(evaluateIndicator(definition, 49.999)).toMatchObject({ actual: 50, status: IndicatorStatus.ON_TRACK });
  });
});
