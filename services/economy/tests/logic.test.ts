import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { IndicatorComparator, IndicatorStatus, periodEnd } from '@ioc/kit';
import { parseDayRange, parsePastDay, todayInVietnam } from '../src/domain/dates';
import { containsPattern } from '../src/domain/search';
import { isTaxCode, normaliseTaxCode } from '../src/domain/tax-code';
import { digitalSocietySources } from '../src/indicators/digital-society.indicators';
import { actualFrom, changedIndicators, evaluateDomain, latestValue, type MeasurementPoint } from '../src/indicators/sources';

const argumentOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.argument;
  }
  throw new Error('expected an error');
};

describe('tax codes', () => {
  it('accepts 10 digits and branch codes, after removing spaces', () => {
    expect(isTaxCode(normaliseTaxCode(' 2100 123 456 '))).toBe(true);
    expect(isTaxCode('2100123456-001')).toBe(true);
    expect(isTaxCode('210012345')).toBe(false);
    expect(isTaxCode('2100123456-01')).toBe(false);
    expect(isTaxCode('21001234ab')).toBe(false);
  });
});

describe('search patterns', () => {
  it('folds accents and case and escapes LIKE wildcards', () => {
    expect(containsPattern('  Trà   VINH ')).toBe('%tra vinh%');
    expect(containsPattern('Đường')).toBe('%duong%');
    expect(containsPattern('50%_x')).toBe('%50\\%\\_x%');
    expect(containsPattern('   ')).toBeNull();
  });
});

describe('dates', () => {
  const now = Date.parse('2023-06-30T20:00:00Z'); // already 1 July in Trà Vinh
  it('uses the Vietnamese calendar day for "today"', () => {
    expect(todayInVietnam(now)).toBe('2023-07-01');
    expect(parsePastDay('2023-07-01', 'joinedOn', now)).toBe('2023-07-01');
    expect(argumentOf(() => parsePastDay('2023-07-02', 'joinedOn', now))).toBe('joinedOn');
  });
  it('rejects impossible dates and reversed ranges, naming the argument', () => {
    expect(argumentOf(() => parsePastDay('2023-02-30', 'listedOn', now))).toBe('listedOn');
    expect(argumentOf(() => parsePastDay('2023-7-1', 'listedOn', now))).toBe('listedOn');
    expect(argumentOf(() => parseDayRange('2022-07-01', '2022-06-30', { from: 'registeredFrom', to: 'registeredTo' }))).toBe('registeredTo');
    expect(parseDayRange(undefined, '2022-06-30', { from: 'a', to: 'b' })).toEqual({ from: undefined, to: '2022-06-30' });
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
