import { IndicatorDefinitionRow } from './indicator-definition.entity';
import { IndicatorDefinitions1764100000000, ReportedMeasurements1764100000100 } from './migrations';
import { ReportedMeasurement } from './reported-measurement.entity';

/**
 * What a subgraph that keeps the plan's indicators lists in `defineSubgraph`: the entities and the
 * migrations of `indicator_definition` and `reported_measurement` (created in its own schema,
 * before its domain migration, which limits them to its domains with `addDomainCheck`).
 */
export const indicatorTables = {
  entities: [IndicatorDefinitionRow, ReportedMeasurement],
  migrations: [IndicatorDefinitions1764100000000, ReportedMeasurements1764100000100],
} as const;
