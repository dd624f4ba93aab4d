import type { ValueTransformer } from 'typeorm';

/** `timestamptz` columns surface as ISO 8601 strings in GraphQL. */
export const isoTimestamp: ValueTransformer = {
  from: (value: Date | string | null) => (value === null || value === undefined ? null : new Date(value).toISOString()),
  to: (value: string | Date | null | undefined) => value,
};

/** `numeric` columns as numbers: the kit's transformer. */
export { numericNumber } from '@ioc/kit';
