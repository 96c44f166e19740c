// The one CPR guard. Flowtavle stores no CPR number anywhere: every text that enters the store
// (every method's input, via the dispatcher, and every imported cell) passes through findCpr.
//
// A CPR number is a date of birth DDMMYY followed by four digits. People write it in many ways:
// 010190-1234, 0101901234, 01.01.90-1234, 010190/1234, 010190–1234 (en dash), 01 01 90 1234,
// 010190_1234, in full-width digits. The rule: ten digits grouped 2-2-2-4, with at most one short
// separator (dash, en/em dash, slash, dot, space, underscore) between the groups, the first six a
// valid day and month, not part of a longer run of digits. No modulus-11 test: numbers issued since
// 2007 need not pass it.
//
// What must still pass: case numbers (2026-000250), phone numbers (8 digits), amounts (2.150,00,
// 1.096.000.000), dates (01.12.2026), references (B0100007).

const SEPARATOR = String.raw`(?:[ \t]?[-\u2010-\u2015\u2212/._][ \t]?|[ \t])?`;
// Only the source: every scan builds its own stateful RegExp from it.
const CPR_SOURCE = String.raw`(?<!\d[.,]?)(\d{2})${SEPARATOR}(\d{2})${SEPARATOR}(\d{2})${SEPARATOR}(\d{4})(?![.,]?\d)`;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day and month; 29 February whenever the two-digit year is divisible by 4 (some century has it). */
function isBirthDate(day: number, month: number, year: number): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent — a month outside 1–12 has no DAYS_IN_MONTH entry, and day <= undefined is false anyway
  if (month < 1 || month > 12) return false;
  if (day < 1) return false;
  const leap = month === 2 && year % 4 === 0 ? 1 : 0;
  return day <= DAYS_IN_MONTH[month - 1]! + leap;
}

/**
 * Full-width and other compatibility digits and dashes as ASCII, so 010190－1234 is caught.
 * NFKC keeps the length of these characters, so positions in the folded text are positions in the original.
 */
function fold(text: string): string {
  return text.normalize('NFKC');
}

export interface CprMatch {
  /** The number as written, for the caller's own use; never log or show it. */
  text: string;
  /** The date part and XXXX (010190-XXXX): what may be shown. */
  masked: string;
}

/**
 * Every CPR-shaped number in a text. A shape that is not a date must not hide a real number that
 * overlaps it ("2026 010190-1234" first reads as 20 26 01 0190), so the scan moves on one character
 * after a miss rather than past the whole shape.
 */
function* scan(text: string): Generator<{ index: number; whole: string; dd: string; mm: string; yy: string }> {
  const folded = fold(text);
  const pattern = new RegExp(CPR_SOURCE, 'gu');
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const [whole, dd, mm, yy] = m as unknown as [string, string, string, string];
    if (isBirthDate(Number(dd), Number(mm), Number(yy))) yield { index: m.index, whole, dd, mm, yy };
    else pattern.lastIndex = m.index + 1;
  }
}

export function findAllCpr(text: string): CprMatch[] {
  if (text.length < 10) return [];
  return [...scan(text)].map((m) => ({ text: m.whole, masked: `${m.dd}${m.mm}${m.yy}-XXXX` }));
}

/** The first CPR-shaped number in a text, or null. */
export function findCpr(text: string): CprMatch | null {
  return findAllCpr(text)[0] ?? null;
}

/** The text with every CPR-shaped number masked (010190-XXXX), for messages and previews. */
export function maskCpr(text: string): string {
  const folded = fold(text);
  let out = '';
  let at = 0;
  for (const m of scan(text)) {
    out += folded.slice(at, m.index) + `${m.dd}${m.mm}${m.yy}-XXXX`;
    at = m.index + m.whole.length;
  }
  return out + folded.slice(at);
}

/** The refusal as the catalogue says it (shared/messages/input.ts), showing the number masked. */
export function cprSaid(match: CprMatch): { key: 'input.cpr'; params: { masked: string } } {
  return { key: 'input.cpr', params: { masked: match.masked } };
}

/** Every string inside a value with its dotted path ("notes", "grants.0.service"). */
export function* stringsIn(value: unknown, path: string[] = []): Generator<{ path: string; text: string }> {
  if (typeof value === 'string') yield { path: path.join('.') || '(input)', text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, [...path, String(i)]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}

/** The first CPR-shaped text anywhere in a method's input, with the field it sits in. */
export function cprInInput(input: unknown): { field: string; match: CprMatch } | null {
  for (const { path, text } of stringsIn(input)) {
    const match = findCpr(text);
    if (match) return { field: path, match };
  }
  return null;
}
