// The finance system's figures beside ours (issue 16, item 8): the extract of monthly booked
// expenditure per account and team ("bogført forbrug"), checked row by row, and the rule that
// marks a month where booked and grant-based spend differ enough to call for attention
// ("særlig opmærksomhed på registreringer", seed 000). Pure: db/finance.ts decodes the bytes,
// knows the teams and writes the bookings.
import { findCpr, maskCpr } from './cpr';
import { MAX_REPORTED_ERRORS, nameKey, normaliseHeader, normaliseName, parseCsv, type ImportError } from './import';
import { parseAmount } from './money';

/** The extract's columns, by their canonical names (docs/import.md). */
export const FINANCE_COLUMNS = ['aar', 'maaned', 'konto', 'team', 'beloeb'] as const;
export type FinanceColumn = (typeof FINANCE_COLUMNS)[number];

/** Headers accepted for each column, after normaliseHeader ("År" → "aar", "Beløb" → "beloeb"). */
const HEADER_NAMES: Record<FinanceColumn, readonly string[]> = {
  aar: ['aar', 'regnskabsaar'],
  maaned: ['maaned', 'periode'],
  konto: ['konto', 'funktion', 'konto_funktion', 'kontonummer'],
  team: ['team'],
  beloeb: ['beloeb', 'bogfoert'],
};

/** A function of the municipal chart of accounts: main account, main function, function (5.38.50). */
const ACCOUNT = /^\d\.\d{2}\.\d{2}$/;
const MAX_TEAM_NAME = 120;

/** One data row of the file, valid. */
export interface FinanceRow {
  /** Line in the file, the header being row 1. */
  row: number;
  year: number;
  month: number;
  account: string;
  teamId: number;
  amountOere: number;
}

/** What the store keeps: the rows of one year, month, account and team summed (a correction line adds to its original). */
export interface FinanceBooking {
  year: number;
  month: number;
  account: string;
  teamId: number;
  amountOere: number;
  /** The file's lines behind it. */
  rows: number[];
}

export interface ParsedFinanceExtract {
  delimiter: ';' | ',' | '\t';
  headers: string[];
  /** Data rows (blank lines not counted). */
  rowCount: number;
  rows: FinanceRow[];
  bookings: FinanceBooking[];
  /** The first problems (at most MAX_REPORTED_ERRORS); when there is one, rows and bookings are empty (all or nothing). */
  errors: ImportError[];
  totalErrors: number;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a finance extract: one row per year, month, account and team with the booked amount in
 * kroner (Danish formats, through the app's one amount parser; negative = a correction). The
 * team is named as in the store, regardless of case and spacing. Any wrong row refuses the file.
 */
export function parseFinanceExtract(text: string, teams: readonly { id: number; name: string }[]): ParsedFinanceExtract {
  const { rows: cells, delimiter, problem } = parseCsv(text);
  const headers = (cells[0] ?? []).map((h) => h.replace(/^\ufeff/, '').trim());
  const result = (rowCount: number, errors: ImportError[], rows: FinanceRow[] = []): ParsedFinanceExtract => ({
    delimiter, headers: headers.map(maskCpr), rowCount,
    rows: errors.length ? [] : rows,
    bookings: errors.length ? [] : sumBookings(rows),
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    totalErrors: errors.length,
  });
  if (cells.length === 0 || isBlank(cells[0]!)) {
    return result(0, [{ row: 1, column: '', value: '', reason: 'Filen er tom: den skal have en overskriftslinje og mindst én række.' }]);
  }
  if (problem) return result(0, [{ row: 1, column: '', value: '', reason: problem }]);
  const rowCount = cells.slice(1).filter((r) => !isBlank(r)).length;

  const errors: ImportError[] = [];
  const cprError = (row: number, column: string, value: string): ImportError => ({
    row, column, value: maskCpr(value),
    reason: 'Feltet ser ud til at indeholde et CPR-nummer. Flowtavle gemmer aldrig CPR-numre: tag udtrækket uden personoplysninger, og importér igen. Intet er importeret.',
  });
  headers.forEach((h, i) => {
    if (findCpr(h)) errors.push(cprError(1, `kolonne ${i + 1}`, h));
  });

  const byHeader = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h).replace(/[^a-z0-9_]+/g, '_');
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, i);
  });
  const columns = {} as Record<FinanceColumn, number>;
  for (const column of FINANCE_COLUMNS) {
    const index = HEADER_NAMES[column].map((name) => byHeader.get(name)).find((i) => i !== undefined);
    if (index === undefined) {
      errors.push({
        row: 1, column, value: '',
        reason: `Filen mangler kolonnen "${column}". Overskriften skal have kolonnerne ${FINANCE_COLUMNS.join(', ')} (se docs/import.md).`,
      });
    } else columns[column] = index;
  }
  if (errors.length) return result(rowCount, errors);

  const teamIds = new Map(teams.map((t) => [nameKey(t.name), t.id]));
  const rows: FinanceRow[] = [];
  for (let r = 1; r < cells.length; r++) {
    const line = cells[r]!;
    if (isBlank(line)) continue;
    const row = r + 1;
    if (line.length !== headers.length) {
      errors.push({
        row, column: '', value: line.length > headers.length ? maskCpr(line.slice(headers.length).join(delimiter)) : '',
        reason: `Rækken har ${line.length} felter, men overskriften har ${headers.length}. Tjek skilletegn (${delimiter === ';' ? 'semikolon' : delimiter === ',' ? 'komma' : 'tabulator'}) og anførselstegn.`,
      });
      continue;
    }
    const before = errors.length;
    const cell = (c: FinanceColumn) => (line[columns[c]] ?? '').trim();
    const fail = (c: FinanceColumn, reason: string) => errors.push({ row, column: headers[columns[c]] || c, value: cell(c), reason });

    // An amount that reads as an amount is no CPR number (1010901234 kr. is ten million); every other cell is checked.
    const amount = parseAmount(cell('beloeb'), { allowNegative: true });
    let cpr = false;
    line.forEach((value, i) => {
      if (i === columns.beloeb && amount.ok) return;
      if (findCpr(value)) {
        errors.push(cprError(row, headers[i] || `kolonne ${i + 1}`, value));
        cpr = true;
      }
    });
    if (cpr) continue;

    const yearText = cell('aar');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (yearText === '') fail('aar', 'Året mangler.');
    else if (!(year >= 2000 && year <= 2100)) fail('aar', `Året skal være et årstal med fire cifre mellem 2000 og 2100, fx 2026 (fik "${yearText}").`);

    const monthText = cell('maaned');
    const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
    if (monthText === '') fail('maaned', 'Måneden mangler.');
    else if (!(month >= 1 && month <= 12)) fail('maaned', `Måneden skal være et tal fra 1 til 12 (fik "${monthText}").`);

    const account = cell('konto');
    if (account === '') fail('konto', 'Kontoen mangler.');
    else if (!ACCOUNT.test(account)) fail('konto', `Kontoen skal være en funktion i den kommunale kontoplan på formen d.dd.dd, fx 5.38.50 (fik "${account}").`);

    const team = normaliseName(cell('team'));
    const teamId = teamIds.get(nameKey(team));
    if (team === '') fail('team', 'Teamet mangler.');
    else if (team.length > MAX_TEAM_NAME) fail('team', `Teamets navn er for langt (højst ${MAX_TEAM_NAME} tegn).`);
    else if (teamId === undefined) fail('team', `Ukendt team "${team}". Brug teamets navn, som det står i Flowtavle: ${teams.map((t) => t.name).join(', ')}.`);

    if (!amount.ok) fail('beloeb', `Beløbet kan ikke læses: ${amount.message}`);

    if (errors.length === before && amount.ok && teamId !== undefined) {
      rows.push({ row, year, month, account, teamId, amountOere: amount.oere });
    }
  }
  if (rowCount === 0 && errors.length === 0) {
    errors.push({ row: 2, column: '', value: '', reason: 'Filen har ingen rækker under overskriften.' });
  }
  return result(rowCount, errors, rows);
}

function sumBookings(rows: readonly FinanceRow[]): FinanceBooking[] {
  const byKey = new Map<string, FinanceBooking>();
  for (const r of rows) {
    const key = `${r.year}|${r.month}|${r.account}|${r.teamId}`;
    const b = byKey.get(key);
    if (b) {
      b.amountOere += r.amountOere;
      b.rows.push(r.row);
    } else byKey.set(key, { year: r.year, month: r.month, account: r.account, teamId: r.teamId, amountOere: r.amountOere, rows: [r.row] });
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// Booked against grant-based

/** A month calls for attention when booked and grant-based differ by more than 5 % … */
export const FINANCE_ATTENTION_SHARE = 0.05;
/** … and by more than 50.000 kr. (in øre), so small teams' small months are not marked for small sums. */
export const FINANCE_ATTENTION_OERE = 5_000_000;

/** booked_higher: the finance system has paid for more than the grants account for (registrations missing?). */
export type FinanceAttention = 'booked_higher' | 'booked_lower';

/** Whether a month's difference (booked − grant-based, whole øre) calls for attention, and which way. */
export function financeAttention(bookedOere: number, grantBasedOere: number): FinanceAttention | null {
  const difference = bookedOere - grantBasedOere;
  if (Math.abs(difference) <= FINANCE_ATTENTION_OERE) return null;
  if (Math.abs(difference) <= FINANCE_ATTENTION_SHARE * Math.abs(grantBasedOere)) return null;
  return difference > 0 ? 'booked_higher' : 'booked_lower';
}

export interface FinanceMonthOere {
  month: number;
  /** Null while the month has no bookings (not booked yet). */
  booked: number | null;
  grantBased: number;
  difference: number | null;
  attention: FinanceAttention | null;
}

/** One month of the comparison, whole øre. */
export function compareMonth(month: number, bookedOere: number | null, grantBasedOere: number): FinanceMonthOere {
  if (bookedOere === null) return { month, booked: null, grantBased: grantBasedOere, difference: null, attention: null };
  return { month, booked: bookedOere, grantBased: grantBasedOere, difference: bookedOere - grantBasedOere, attention: financeAttention(bookedOere, grantBasedOere) };
}
