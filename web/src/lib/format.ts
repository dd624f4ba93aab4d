/** Locale formatting: vi-VN groups with dots (1.208), en with commas (1,208); times in the province's zone. */
export type Lang = 'vi' | 'en';

export const timeZone = 'Asia/Ho_Chi_Minh';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function locale(lang: Lang): string {
  return locales[lang];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(lang: Lang, value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** A percentage given as 0–100 (the graph's indicators are in percent, not fractions). */
export function formatPercent(lang: Lang, value: number | null | undefined, maximumFractionDigits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${formatNumber(lang, value, maximumFractionDigits)}${lang === 'vi' ? ' %' : '%'}`;
}

/** Money the plan counts in millions of đồng: "1.250 triệu đồng" / "VND 1,250 million". */
export function formatMillionVnd(lang: Lang, millions: number | null | undefined): string {
  if (millions === null || millions === undefined) return '—';
  const amount = formatNumber(lang, millions, 0);
  return lang === 'vi' ? `${amount} triệu đồng` : `VND ${amount} million`;
}

export function formatDateTime(lang: Lang, iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

export function formatDate(lang: Lang, iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale(lang), { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** Today's calendar day in the province (YYYY-MM-DD), whatever the browser's zone. */
export function provinceToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
