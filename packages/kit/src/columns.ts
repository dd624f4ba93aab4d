import type { ValueTransformer } from 'typeorm';

/** `numeric` columns arrive from pg as strings; they are exact decimals that fit a double here. */
export const numericNumber: ValueTransformer = {
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
  to: (value: number | null | undefined) => value,
};

/** `timestamptz` columns read as ISO 8601 strings (the graph has no date scalar). */
export const isoTimestamp: ValueTransformer = {
  // pg hands timestamptz over as a Date already: no copy of it per column per row.
  from: (value: Date | string | null | undefined) => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  to: (value: string | Date | null | undefined) => value,
};

/** `bigint` columns read as decimal strings: they may exceed 2^53. */
export const bigintString: ValueTransformer = {
  from: (value: string | number | null | undefined) => (value === null || value === undefined ? null : String(value)),
  to: (value: unknown) => value,
};
