// Money in integer øre (issue 16): every sum, split and median of the economics works on whole
// øre, so 1.073,59 + 1.721,56 kr. is exactly 2.795,15 and the median of the two is 1.397,58 (the
// half øre rounds away from zero), not the 1.397,57 that binary floating point gives. Kroner
// appear only at the edges: what the user types (parseAmount) and what is shown or exported.
import type { TakstUnit } from './domain';

/** Rounds to the nearest integer, a half away from zero (1,5 → 2; −1,5 → −2). */
export function roundHalfAway(value: number): number {
  if (Number.isInteger(value)) return value === 0 ? 0 : value;
  const abs = Math.abs(value);
  const fraction = abs - Math.floor(abs);
  // Near a half, toPrecision(15) removes the representation error of products such as
  // 2150.005 × 100 (215000.49999…); elsewhere plain rounding is already right (and fast).
  const clean = Math.abs(fraction - 0.5) < 1e-6 ? Math.abs(Number(value.toPrecision(15))) : abs;
  const rounded = Math.sign(value) * Math.round(clean);
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Kroner (as typed or stored) to whole øre. */
export function toOere(kroner: number): number {
  return roundHalfAway(kroner * 100);
}

/** Whole øre to kroner with at most two decimals, for API results and exports. */
export function toKroner(oere: number): number {
  const kroner = oere / 100;
  return Object.is(kroner, -0) ? 0 : kroner;
}

/** a × b ÷ c in whole øre, rounded once, half away from zero. */
export function mulDiv(a: number, b: number, c: number): number {
  return roundHalfAway((a * b) / c);
}

export const YEARLY_FACTOR: Record<TakstUnit, number> = { hour: 52, day: 365, week: 52, month: 12, year: 1 };

/** Yearly cost in øre of a takst in øre per unit: hours per week × 52 for hour takster, else × the multiplier. */
export function yearlyOere(takstOere: number, unit: TakstUnit, quantity: number): number {
  return roundHalfAway(takstOere * YEARLY_FACTOR[unit] * quantity);
}

/** The median of whole øre amounts, in whole øre (the mean of the middle two rounds half away from zero). */
export function medianOere(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : roundHalfAway((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function sumOere(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Danish amount input: one parser for every money field

export type ParsedAmount = { ok: true; kroner: number; oere: number } | { ok: false; message: string };

/**
 * Reads an amount as a Danish user types it: "2.150,00", "2150", "2 150,5", "2150,5 kr.",
 * "-1.250". The comma is the decimal mark and "." or a space groups thousands; a lone "." with
 * one or two digits after it ("2150.5") is read as a decimal point, as a pasted English figure.
 * At most two decimals (øre). The message is Danish and says what was expected.
 */
export function parseAmount(text: string, options: { allowNegative?: boolean } = {}): ParsedAmount {
  const raw = text.trim().replace(/\s*(kr\.?|dkk)$/i, '').replace(/[\s\u00a0\u202f]/g, '');
  const fail = (): ParsedAmount => ({ ok: false, message: `"${text.trim()}" er ikke et beløb. Skriv fx 2.150,00 eller 2150.` });
  if (raw === '') return { ok: false, message: 'Skriv et beløb, fx 2.150,00.' };
  const negative = raw.startsWith('-') || raw.startsWith('−');
  const body = negative ? raw.slice(1) : raw;
  if (negative && !options.allowNegative) return { ok: false, message: 'Beløbet må ikke være negativt.' };
  let integer: string;
  let fraction: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body) || /^\d+(,\d+)?$/.test(body)) {
    const [i, f] = body.split(',') as [string, string | undefined];
    integer = i.replace(/\./g, '');
    fraction = f ?? '';
  } else if (/^\d+\.\d{1,2}$/.test(body)) {
    const [i, f] = body.split('.') as [string, string];
    integer = i;
    fraction = f;
  } else {
    return fail();
  }
  if (fraction.length > 2) return { ok: false, message: `"${text.trim()}" har mere end to decimaler; beløb angives i kroner og øre.` };
  const oere = Number(integer) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(oere)) return fail();
  const signed = negative && oere !== 0 ? -oere : oere;
  return { ok: true, oere: signed, kroner: toKroner(signed) };
}
