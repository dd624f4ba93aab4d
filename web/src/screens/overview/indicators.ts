import { graphql, type ResultOf } from '../../graphql/tada';

export const IndicatorFields = graphql(`
  fragment IndicatorFields on Indicator {
    code
    titleVi
    titleEn
    unit
    target
    actual
    comparator
    status
  }
`);

export type IndicatorValue = ResultOf<typeof IndicatorFields>;

/** The map with this indicator's latest value (a new map, for React state). */
export function withIndicator(current: ReadonlyMap<string, IndicatorValue>, indicator: IndicatorValue): ReadonlyMap<string, IndicatorValue> {
  const next = new Map(current);
  next.set(indicator.code, indicator);
  return next;
}
