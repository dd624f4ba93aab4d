import type { ValueTransformer } from 'typeorm';

/** `numeric` columns arrive from pg as strings; they are exact decimals that fit a double here. */
export const numericNumber: ValueTransformer = {
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
  to: (value: number | null | undefined) => value,
};
