import { evaluateIndicator, type Indicator, type IndicatorDefinition } from '@ioc/kit';

/** One reported value of a measurement series. */
export interface MeasurementPoint {
  indicator: string;
  period: string;
  /** ISO date; orders periods of different lengths ("2023" ends after "2023-Q3"). */
  periodEnd: string;
  value: number;
}

/**
 * Where an indicator's actual comes from, in order of preference. Every indicator is first
 * looked up as a measurement of its own code (an operator can record e.g.
 * `householdsInternetShare` for 2023 directly); these are the other sources.
 */
export type IndicatorSource =
  | { kind: 'measurement'; indicator: string }
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number };

export interface DomainIndicator extends IndicatorDefinition {
  domain: string;
}

function latest(points: readonly MeasurementPoint[], indicator: string): MeasurementPoint | undefined {
  let best: MeasurementPoint | undefined;
  for (const point of points) {
    if (point.indicator !== indicator) continue;
    if (!best || point.periodEnd > best.periodEnd) best = point;
  }
  return best;
}

/** Latest period in which both series have a value (a share needs both from the same period). */
function latestRatio(points: readonly MeasurementPoint[], source: Extract<IndicatorSource, { kind: 'ratio' }>): number | null {
  const denominators = new Map(points.filter((p) => p.indicator === source.denominator).map((p) => [p.period, p]));
  let best: { end: string; value: number } | undefined;
  for (const point of points) {
    if (point.indicator !== source.numerator) continue;
    const denominator = denominators.get(point.period);
    if (!denominator || denominator.value === 0) continue;
    if (!best || point.periodEnd > best.end) best = { end: point.periodEnd, value: (point.value / denominator.value) * source.scale };
  }
  return best ? best.value : null;
}

/** The actual of one indicator: its own series, else the first source that has data, else null. */
export function actualFrom(code: string, sources: readonly IndicatorSource[], points: readonly MeasurementPoint[]): number | null {
  for (const source of [{ kind: 'measurement', indicator: code } as const, ...sources]) {
    if (source.kind === 'measurement') {
      const point = latest(points, source.indicator);
      if (point) return point.value;
    } else {
      const value = latestRatio(points, source);
      if (value !== null) return value;
    }
  }
  return null;
}

/** Every definition of a domain evaluated against the measurements, in definition order. */
export function evaluateDomain(
  definitions: readonly DomainIndicator[],
  sources: Readonly<Record<string, readonly IndicatorSource[]>>,
  points: readonly MeasurementPoint[],
): Indicator[] {
  return definitions.map(({ domain: _domain, ...definition }) => evaluateIndicator(definition, actualFrom(definition.code, sources[definition.code] ?? [], points)));
}

/** Codes whose actual or status differ between two evaluations of the same definitions. */
export function changedIndicators(before: readonly Indicator[], after: readonly Indicator[]): string[] {
  const previous = new Map(before.map((indicator) => [indicator.code, indicator]));
  return after
    .filter((indicator) => {
      const old = previous.get(indicator.code);
      return !old || old.actual !== indicator.actual || old.status !== indicator.status;
    })
    .map((indicator) => indicator.code);
}

/** The latest value of a series, or null. */
export function latestValue(points: readonly MeasurementPoint[], indicator: string): number | null {
  return latest(points, indicator)?.value ?? null;
}
