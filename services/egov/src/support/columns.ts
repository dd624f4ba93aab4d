import type { ValueTransformer } from 'typeorm';

/** `timestamptz` columns surface as ISO 8601 strings in GraphQL. */
export const isoTimestamp: ValueTransformer = {
  from: (value: Date | string | null) => (value === null || value === undefined ? null : new Date(value).toISOString()),
  to: (value: string | Date | null | undefined) => value,
};

/** `numeric` columns arrive from pg as strings; they are exact decimals that fit a double here. */
export const numericNumber: ValueTransformer = {
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
  to: (value: number | null | undefined) => value,
};
