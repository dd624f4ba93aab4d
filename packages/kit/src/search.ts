import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { foldVietnamese } from './text';

/**
 * The `LIKE` pattern that finds `text` anywhere in a folded `search_name` column (see
 * foldVietnamese): accents and case ignored, "tra vinh" finds "Trà Vinh", and `%`, `_` and `\`
 * typed by a user match themselves. Null when the text folds to nothing (no filter).
 */
export function containsPattern(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const folded = foldVietnamese(text);
  return folded ? `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
}

/** Narrows `query` to rows whose folded `column` contains `text`; no condition for an empty text. */
export function applySearch<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string, text: string | null | undefined): void {
  const pattern = containsPattern(text);
  if (pattern) query.andWhere(`${column} LIKE :searchPattern`, { searchPattern: pattern });
}
