import { describe, expect, it } from 'vitest';
import { IndicatorComparator, IndicatorStatus, periodEnd } from '@ioc/kit';
import { isTaxCode, normaliseTaxCode } from '../src/domain/tax-code';
import { digitalSocietySources } from '../src/indicators/digital-society.indicators';
import { actualFrom, changedIndicators, evaluateDomain, latestValue, type MeasurementPoint } from '../src/indicators/sources';

describe('tax codes', () => {
  it('accepts 10 digits and branch codes, after removing spaces', () => {
    expect(isTaxCode(normaliseTaxCode(' 2100 123 456 '))).toBe(true);
    expect(isTaxCode('2100123456-001')).toBe(true);
    expect(isTaxCode('210012345')).toBe(false);
    expect(isTaxCode('2100123456-01')).toBe(false);
    expect(isTaxCode('21001234ab')).toBe(false);
  });
});

describe('indicator actuals', () => {
  const point = (indicator: string, period: string, value: number): MeasurementPoint => ({ indicator, period, periodEnd: periodEnd(period)!, value });
  const points = [
    point('society.smartphoneShare', '2022', 60),
    point('society.smartphoneShare', '2023-Q2', 71),
    point('payments.activeAccountHolders15Plus', '2022', 646721),
    point('payments.activeAccountHolders15Plus', '2023', 700000),
    point('population.aged15Plus', '2022', 800000),
  ];

  it('takes the latest period of a series, a quarter after its year', () => {
    expect(latestValue(points, 'society.smartphoneShare')).toBe(71);
    expect(latestValue([point('x', '2023', 1), point('x', '2023-Q3', 2)], 'x')).toBe(1);
    expect(latestValue(points, 'missing')).toBeNull();
  });

  it('prefers a measurement of the indicator itself over its other sources', () => {
    const sources = digitalSocietySources.adultsWithSmartphoneShare!;
    expect(actualFrom('adultsWithSmartphoneShare', sources, points)).toBe(71);
    expect(actualFrom('adultsWithSmartphoneShare', sources, [...points, point('adultsWithSmartphoneShare', '2022', 65)])).toBe(65);
  });

  it('computes a share only from numerator and denominator of the same period', () => {
    const sources = digitalSocietySources.adultsWithEPaymentAccountShare!;
    expect(actualFrom('adultsWithEPaymentAccountShare', sources, points)).toBeCloseTo(80.84, 2);
    expect(actualFrom('adultsWithEPaymentAccountShare', sources, points.filter((p) => p.indicator !== 'population.aged15Plus'))).toBeNull();
    expect(actualFrom('adultsWithEPaymentAccountShare', sources, [...points, point('population.aged15Plus', '2023', 0)])).toBeCloseTo(80.84, 2);
  });

  it('evaluates status and reports which indicators moved', () => {
    const definitions = [
      { code: 'adultsWithSmartphoneShare', domain: 'DIGITAL_SOCIETY', titleVi: '', titleEn: '', unit: '%', baseline: 60, target: 80, comparator: IndicatorComparator.GT },
      { code: 'householdsInternetShare', domain: 'DIGITAL_SOCIETY', titleVi: '', titleEn: '', unit: '%', baseline: null, target: 87, comparator: IndicatorComparator.GT },
    ];
    const before = evaluateDomain(definitions, digitalSocietySources, points);
    expect(before.map((i) => [i.actual, i.status])).toEqual([
      [71, IndicatorStatus.OFF_TRACK],
      [null, IndicatorStatus.NO_DATA],
    ]);
    const after = evaluateDomain(definitions, digitalSocietySources, [...points, point('society.smartphoneShare', '2023', 80.5)]);
    expect(after[0]).toMatchObject({ actual: 80.5, status: IndicatorStatus.ON_TRACK });
    expect(changedIndicators(before, after)).toEqual(['adultsWithSmartphoneShare']);
    expect(changedIndicators(before, before)).toEqual([]);
  });
});
