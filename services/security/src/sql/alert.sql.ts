import { openStatuses } from '../domain/workflow';

/** Severity weight in SQL, as domain/severity.ts `severityWeight`. */
export const severityWeightSql = (column: string) =>
  `(CASE ${column} WHEN 'LOW' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'CRITICAL' THEN 4 END)`;

/** domain/workflow.ts `openStatuses` as a SQL list. */
export const openStatusesSql = `(${openStatuses.map((status) => `'${status}'`).join(', ')})`;
