/** Mã số thuế: 10 digits for a taxpayer, 13 ("NNNNNNNNNN-NNN") for a dependent unit. */
const taxCodePattern = /^\d{10}(-\d{3})?$/;

/** Trims and removes inner spaces a clerk may type ("2100 123 456" → "2100123456"). */
export function normaliseTaxCode(input: string): string {
  return input.trim().replace(/\s+/g, '');
}

export const isTaxCode = (code: string) => taxCodePattern.test(code);
