import type { ValueTransformer } from 'typeorm';

/** timestamptz columns read as ISO 8601 strings (GraphQL has no date scalar in this graph). */
export const isoTimestamp: ValueTransformer = {
  from: (value: Date | string | null) => (value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  to: (value: unknown) => value,
};

/** bigint columns read as decimal strings (they may exceed 2^53). */
export const bigintString: ValueTransformer = {
  from: (value: string | number | null) => (value === null ? null : String(value)),
  to: (value: unknown) => value,
};
