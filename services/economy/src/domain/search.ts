import { foldVietnamese } from '@ioc/kit';

/**
 * A LIKE pattern matching `text` anywhere in a folded `search_name` column: accents and case
 * ignored ("tra vinh" finds "Trà Vinh"), LIKE wildcards in the input taken literally.
 */
export function containsPattern(text: string): string | null {
  const folded = foldVietnamese(text);
  if (!folded) return null;
  return `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
