// Numbers as Danish users type and read them (2.150,00): hours, weights, counts, limits. A browser's
// <input type="number"> follows the operating system's locale, so on an English Windows it refuses
// "2,5" or shows 2.5; these fields are text, and this is their one reading of the text. Money in
// kroner and øre has its own exact parser (parseAmount in money.ts); this one is for the rest.
import { formatNumber, type Locale } from './format';

/**
 * "2.150,00" → 2150, "2150" → 2150, "2150,5" → 2150.5, "2 150" → 2150, "-1.250" → -1250. The
 * comma is the decimal mark; "." or a space groups thousands, and only in groups of three
 * ("1.2.3" is not a number). A lone "." with one or two digits after it ("2150.5") is read as a
 * decimal point, as in a pasted English figure; "2.150" stays two thousand one hundred and fifty.
 * Null for an empty text and for anything that is not a number.
 */
export function parseDanishNumber(text: string): number | null {
  return parseLocaleNumber(text, 'da');
}

const MARKS = { da: { decimal: ',', group: '.' }, en: { decimal: '.', group: ',' } } as const;
const PATTERNS = Object.fromEntries((['da', 'en'] as const).map((locale) => {
  const d = `\\${MARKS[locale].decimal}`;
  const g = `\\${MARKS[locale].group}`;
  return [locale, {
    grouped: new RegExp(`^\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`),
    plain: new RegExp(`^\\d*${d}\\d+$|^\\d+$`),
    // The other language's decimal mark with one or two digits after it: "2150.5" typed in Danish.
    foreignDecimal: new RegExp(`^\\d+${g}\\d{1,2}$`),
  }];
})) as Record<Locale, { grouped: RegExp; plain: RegExp; foreignDecimal: RegExp }>;

/**
 * A number in the way the chosen language writes it: Danish as parseDanishNumber; English with the
 * marks swapped ("2,150.00", and "2150,5" as a Danish decimal comma typed in the English UI).
 */
export function parseLocaleNumber(text: string, locale: Locale): number | null {
  const { decimal, group } = MARKS[locale];
  const pattern = PATTERNS[locale];
  const raw = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (raw === '') return null;
  const negative = raw.startsWith('-') || raw.startsWith('−');
  const body = negative ? raw.slice(1) : raw;
  let integer: string;
  let fraction: string;
  if (pattern.grouped.test(body) || pattern.plain.test(body)) {
    const [i, f] = body.split(decimal) as [string, string | undefined];
    integer = i.split(group).join('') || '0';
    fraction = f ?? '';
  } else if (pattern.foreignDecimal.test(body)) {
    [integer, fraction] = body.split(group) as [string, string];
  } else {
    return null;
  }
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  return negative && value !== 0 ? -value : value;
}

/** 2150 → "2.150", 2150.5 with two decimals → "2.150,50"; without decimals given, as many as it has (up to 6). */
export function formatDanishNumber(value: number, locale: Locale = 'da', decimals?: number): string {
  if (decimals !== undefined) return formatNumber(value, decimals, locale);
  const shown = Number(value.toFixed(6));
  const places = Number.isInteger(shown) ? 0 : String(shown).split('.')[1]!.length;
  return formatNumber(shown, places, locale);
}

export interface NumberRules {
  /** At most this many decimals; 0 for whole numbers. Unlimited when left out. */
  decimals?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
  required?: boolean | undefined;
}

/** Why a text is not an acceptable number, with the bound it broke; the field says it in the chosen language. */
export type NumberProblem =
  | { problem: 'required' }
  | { problem: 'invalid' }
  | { problem: 'whole' }
  | { problem: 'decimals'; decimals: number }
  | { problem: 'tooSmall'; min: number }
  | { problem: 'tooLarge'; max: number };

export type CheckedNumber = { ok: true; value: number | null } | ({ ok: false } & NumberProblem);

/** The text read by parseLocaleNumber and held to the field's rules; an empty optional field is { ok, value: null }. */
export function checkDanishNumber(text: string, rules: NumberRules = {}, locale: Locale = 'da'): CheckedNumber {
  if (text.trim() === '') return rules.required ? { ok: false, problem: 'required' } : { ok: true, value: null };
  const value = parseLocaleNumber(text, locale);
  if (value === null) return { ok: false, problem: 'invalid' };
  if (rules.decimals !== undefined && decimalsOf(value) > rules.decimals) {
    return rules.decimals === 0 ? { ok: false, problem: 'whole' } : { ok: false, problem: 'decimals', decimals: rules.decimals };
  }
  if (rules.min !== undefined && value < rules.min) return { ok: false, problem: 'tooSmall', min: rules.min };
  if (rules.max !== undefined && value > rules.max) return { ok: false, problem: 'tooLarge', max: rules.max };
  return { ok: true, value };
}

function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(Math.abs(value));
  return text.includes('e-') ? Number(text.split('e-')[1]) : text.split('.')[1]!.length;
}
