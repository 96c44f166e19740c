// Danish number and date formats (1.096,0 mio. kr., 23.11.2026), used by every view and export.
import type { IsoDate } from './domain';

export type Locale = 'da' | 'en';

const intlLocale = (locale: Locale) => (locale === 'da' ? 'da-DK' : 'en-GB');

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, decimals = 0, locale: Locale = 'da'): string {
  return numberFormat(locale, decimals, decimals).format(value);
}

/** Whole kroner: "7.085 kr." */
export function formatKroner(value: number, locale: Locale = 'da'): string {
  return `${formatNumber(Math.round(value), 0, locale)} ${locale === 'da' ? 'kr.' : 'DKK'}`;
}

/** Millions with one decimal: "1.096,0 mio. kr." */
export function formatMillions(value: number, locale: Locale = 'da'): string {
  const millions = value / 1_000_000;
  return `${formatNumber(millions, 1, locale)} ${locale === 'da' ? 'mio. kr.' : 'm DKK'}`;
}

/** 23.11.2026 (Danish) or 23/11/2026 (English). */
export function formatDate(date: IsoDate | null | undefined, locale: Locale = 'da'): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return locale === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** 23.11.2026 09:02 in the host's local time. */
export function formatDateTime(timestamp: string, locale: Locale = 'da'): string {
  const t = new Date(timestamp);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = formatDate(`${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, locale);
  return `${date} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** "§ 85", "§ 82 a", "§ 95-96": a paragraph as users write it. */
export function formatParagraph(paragraph: string): string {
  const p = paragraph.replace(/^§\s*/, '');
  const m = /^(\d+)([a-z])$/i.exec(p);
  return m ? `§ ${m[1]} ${m[2]!.toLowerCase()}` : `§ ${p}`;
}

/**
 * A date as people type it, in either language: 01.12.2026, 1.12.26, 1/12/2026, 01-12-2026,
 * 01122026 or ISO 2026-12-01 (day before month, as in Denmark and Britain). Two-digit years are
 * 20yy. Null when it is not a real calendar date.
 */
export function parseDate(text: string): IsoDate | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = iso ? null : /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  const parts: [string, string, string] | null = iso ? [iso[1]!, iso[2]!, iso[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : null;
  if (!parts) return null;
  const [y, m, d] = parts;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
