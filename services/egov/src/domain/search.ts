import { foldVietnamese } from '@ioc/kit';

/** A LIKE pattern for accent-insensitive search on a folded `search_name` column. */
export function searchPattern(search: string): string {
  return `%${foldVietnamese(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
