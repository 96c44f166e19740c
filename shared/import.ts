// The case system's extract ("datatræk"): canonical columns, Danish number and date formats,
// CPR detection and row validation. Pure: the store side (db/import.ts) decodes the bytes and
// compares the parsed cases with what the store already holds.
import { findCpr as findCprMatch, maskCpr } from './cpr';
import Papa from 'papaparse';
import { parseAmount } from './money';
import { isIsoDate } from './dates';
import type { CaseKind, GrantTerms, IsoDate, ProviderType, TakstUnit } from './domain';

export { CANONICAL_COLUMNS, type CanonicalColumn } from './importColumns';
import { CANONICAL_COLUMNS, type CanonicalColumn } from './importColumns';

/** Columns every extract must have. */
export const REQUIRED_COLUMNS: readonly CanonicalColumn[] = [
  'sagsnummer', 'borger_ref', 'borger_initialer', 'team', 'sagstype', 'paragraf', 'modtaget',
];
export const GRANT_COLUMNS: readonly CanonicalColumn[] = [
  'ydelse', 'leverandoer', 'leverandoertype', 'takst', 'takstenhed', 'omfang', 'start', 'slut', 'naeste_opfoelgning',
  'afgoerelsesdato',
];
/** A row with any grant value must have these. */
const REQUIRED_GRANT_COLUMNS: readonly CanonicalColumn[] = ['ydelse', 'leverandoer', 'leverandoertype', 'takst', 'takstenhed', 'start'];

/** Canonical column → the column's header in the file. Columns not named keep their canonical header. */
export type ColumnMapping = Partial<Record<CanonicalColumn, string>>;

export interface ImportError {
  /** Line in the file, the header being row 1 (a record with a line break inside quotes counts as one row). */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportGrant extends GrantTerms {
  nextFollowUp: IsoDate | null;
  /** The day the grant was decided (optional column "afgoerelsesdato"): the day the bottom line knows it from. */
  decidedDate?: IsoDate | null;
}

export interface ImportCase {
  /** The first row of the case in the file. */
  row: number;
  caseNumber: string;
  citizenRef: string;
  citizenInitials: string;
  team: string;
  /** Null when the file leaves it empty: the store's assignee is then left as it is. */
  caseworker: string | null;
  kind: CaseKind;
  paragraph: string;
  received: IsoDate;
  grants: ImportGrant[];
}

export interface ParsedExtract {
  delimiter: ';' | ',' | '\t';
  headers: string[];
  /** Where each canonical column was found (index into headers), or null. */
  columns: Record<CanonicalColumn, number | null>;
  /** False when the file has no grant columns at all: then the store's grants are left alone. */
  hasGrantColumns: boolean;
  /** Data rows (blank lines not counted). */
  rowCount: number;
  cases: ImportCase[];
  errors: ImportError[];
}

export const MAX_REPORTED_ERRORS = 500;

// ---------------------------------------------------------------------------------------------
// Values

/** "1.234,50", "1234,5", "1234.50", "1 234" → number; null when it is not a number. */
export function parseDanishNumber(raw: string): number | null {
  let s = raw.trim().replace(/[\u00a0\u202f ]/g, '').replace(/(kr\.?|dkk)$/i, '');
  if (s === '') return null;
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  }
  let normalised: string;
  if (s.includes(',')) {
    // Danish: dots group thousands, the comma is the decimal mark.
    if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^\d+(,\d+)?$/.test(s)) return null;
    normalised = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    // "1.234" in a Danish extract is a thousand and more, never a decimal.
    normalised = s.replace(/\./g, '');
  } else if (/^\d+(\.\d+)?$/.test(s)) {
    normalised = s;
  } else {
    return null;
  }
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** 23-11-2026, 23.11.2026, 23/11/2026, 2026-11-23 (days and months may have one digit) → ISO date. */
export function parseDanishDate(raw: string): IsoDate | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) && y >= 1900 && y <= 2199 ? iso : null;
}

/** The CPR-like number inside a value, if any, as written (shared/cpr.ts holds the one rule). */
export function findCpr(value: string): string | null {
  return findCprMatch(value)?.text ?? null;
}

export { maskCpr };

/** Past this many, the rows with CPR numbers are counted rather than listed one by one. */
const CPR_ROWS_LISTED = 100;

/** "Leverandør", " Næste opfølgning " → "leverandoer", "naeste_opfoelgning". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\s.-]+/g, '_');
}

const KINDS: Record<string, CaseKind> = {
  ansoegning: 'application', 'ansøgning': 'application',
  opfoelgning: 'follow_up', 'opfølgning': 'follow_up',
  klage: 'complaint',
  opgave: 'task',
};
const PROVIDER_TYPES: Record<string, ProviderType> = { intern: 'internal', ekstern: 'external' };
const TAKST_UNITS: Record<string, TakstUnit> = {
  time: 'hour', dag: 'day', uge: 'week', maaned: 'month', 'måned': 'month', aar: 'year', 'år': 'year',
};
const PARAGRAPH = /^\d{1,3}[a-z]?(\.\d{1,2})?(-\d{1,3}[a-z]?)?$/;

/** "§ 85", "82 a", "§107" → "85", "82a", "107"; null when it is no paragraph. */
export function parseParagraph(raw: string): string | null {
  const p = raw.trim().replace(/^§\s*/, '').replace(/\s+/g, '').toLowerCase();
  return PARAGRAPH.test(p) ? p : null;
}

/** Collapses runs of whitespace: "Team  Bostøtte " and "Team Bostøtte" are one team. */
export function normaliseName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Key for matching names of teams and people regardless of case. */
export function nameKey(raw: string): string {
  return normaliseName(raw).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Mapping

/** Checks a mapping read from a file or sent by the UI: {"<canonical column>": "<column in the file>"}. */
export function validateMapping(raw: unknown): { mapping: ColumnMapping; errors: string[] } {
  const errors: string[] = [];
  const mapping: ColumnMapping = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { mapping, errors: ['Kolonnetilknytningen skal være et JSON-objekt: {"sagsnummer": "Sagsnr.", …}'] };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(CANONICAL_COLUMNS as readonly string[]).includes(key)) {
      errors.push(`"${key}" er ikke en af Flowtavles kolonner (${CANONICAL_COLUMNS.join(', ')}).`);
    } else if (typeof value !== 'string' || value.trim() === '') {
      errors.push(`Kolonnen i filen for "${key}" skal være en tekst.`);
    } else {
      mapping[key as CanonicalColumn] = value;
    }
  }
  return { mapping, errors };
}

/** Where each canonical column is in the file: the mapped header, else the canonical name itself. */
export function resolveColumns(
  headers: readonly string[],
  mapping: ColumnMapping = {},
): { columns: Record<CanonicalColumn, number | null>; errors: ImportError[] } {
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key !== '' && !byName.has(key)) byName.set(key, i);
  });
  const columns = {} as Record<CanonicalColumn, number | null>;
  const errors: ImportError[] = [];
  for (const canonical of CANONICAL_COLUMNS) {
    const mapped = mapping[canonical];
    if (mapped !== undefined) {
      const index = byName.get(normaliseHeader(mapped));
      if (index === undefined) {
        errors.push({ row: 1, column: canonical, value: mapped, reason: `Kolonnen "${mapped}", som "${canonical}" er knyttet til, findes ikke i filen.` });
        columns[canonical] = null;
      } else {
        columns[canonical] = index;
      }
    } else {
      columns[canonical] = byName.get(canonical) ?? null;
    }
  }
  for (const required of REQUIRED_COLUMNS) {
    if (columns[required] === null && mapping[required] === undefined) {
      errors.push({ row: 1, column: required, value: '', reason: `Filen mangler kolonnen "${required}". Tilknyt den under kolonnetilknytning.` });
    }
  }
  return { columns, errors };
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** The separator of the header line: ; (Danish Excel), else , or tab. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outside.split(c).length - 1;
  const [semi, comma, tab] = [count(';'), count(','), count('\t')];
  if (semi >= comma && semi >= tab && semi > 0) return ';';
  if (tab > comma) return '\t';
  return comma > 0 ? ',' : ';';
}

/** All cells of the file, row 0 being the header. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): { rows: string[][]; delimiter: ';' | ',' | '\t'; problem: string | null } {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: false, header: false });
  const quoteProblem = result.errors.find((e) => e.type === 'Quotes');
  const problem = quoteProblem
    ? `Række ${(quoteProblem.row ?? 0) + 1}: et anførselstegn (") er ikke lukket, så resten af filen kan ikke læses sikkert.`
    : null;
  return { rows: result.data, delimiter, problem };
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

interface Limits { [key: string]: number }
const MAX_LENGTH: Limits = {
  sagsnummer: 50, borger_ref: 50, borger_initialer: 10, team: 120, sagsbehandler: 120, ydelse: 200, leverandoer: 200,
};

/** How far the row checks are: the CPR search over every cell, then the rules row by row. */
export interface CheckProgress {
  phase: 'cpr' | 'check';
  /** Rows of the file gone through (the header not counted). */
  done: number;
  total: number;
}

/** Where an import is, for its progress bar and the command line's progress line. */
export interface ImportProgress {
  /** read: the file's cells; cpr, check: the row checks; compare: with the store; write: the one transaction. */
  phase: 'read' | 'cpr' | 'check' | 'compare' | 'write';
  /** Rows gone through and in all, where the phase counts rows. */
  done?: number;
  total?: number;
}

/** Rows between two progress steps: small enough that the bar moves, large enough to cost nothing. */
export const CHECK_CHUNK_ROWS = 2_000;

/** Parses and validates a whole extract. Errors are row-level; nothing here knows the store. */
export function parseExtract(text: string, mapping: ColumnMapping = {}): ParsedExtract {
  const { rows, delimiter, problem } = parseCsv(text);
  return runChecks(checkExtractRows(rows, delimiter, problem, mapping));
}

/** Drives the row checks to their end without pausing. */
export function runChecks(steps: Generator<CheckProgress, ParsedExtract, void>): ParsedExtract {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The checks of parseExtract over the file's cells (row 0 the header), one step per
 * CHECK_CHUNK_ROWS rows: the renderer pauses between steps so its progress bar paints and its
 * cancel button is heard; the host and the command line run them through without pausing.
 */
export function* checkExtractRows(
  rows: string[][], delimiter: ';' | ',' | '\t', problem: string | null, mapping: ColumnMapping = {},
): Generator<CheckProgress, ParsedExtract, void> {
  const total = Math.max(rows.length - 1, 0);
  const headers = (rows[0] ?? []).map((h) => h.replace(/^\ufeff/, '').trim());
  const empty: ParsedExtract = {
    delimiter, headers, columns: Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, null])) as Record<CanonicalColumn, number | null>,
    hasGrantColumns: false, rowCount: 0, cases: [], errors: [],
  };
  if (rows.length === 0 || isBlankRow(rows[0]!)) {
    return { ...empty, errors: [{ row: 1, column: '', value: '', reason: 'Filen er tom: den skal have en overskriftslinje og mindst én række.' }] };
  }
  if (problem) return { ...empty, errors: [{ row: 1, column: '', value: '', reason: problem }] };

  const errors: ImportError[] = [];
  const add = (e: ImportError) => {
    errors.push(e);
  };

  // Data minimisation first, over every cell whatever its header: the file is refused whole, and
  // each row holding a CPR number is named (with the number masked), so it can be found in the extract.
  let cprRows = 0;
  const cprError = (row: number, column: string, value: string): ImportError => ({
    row, column, value: maskCpr(value),
    reason: 'Feltet ser ud til at indeholde et CPR-nummer. Flowtavle gemmer aldrig CPR-numre: fjern det fra udtrækket (brug borgerens reference i stedet), og importér igen. Intet er importeret.',
  });
  headers.forEach((h, i) => {
    if (findCprMatch(h)) add(cprError(1, `kolonne ${i + 1}`, h));
  });
  for (let r = 1; r < rows.length; r++) {
    if (r % CHECK_CHUNK_ROWS === 0) yield { phase: 'cpr', done: r, total };
    const cells = rows[r]!;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (!findCprMatch(cell)) continue;
      if (++cprRows <= CPR_ROWS_LISTED) add(cprError(r + 1, headers[i] || `kolonne ${i + 1}`, cell));
    }
  }
  if (cprRows > CPR_ROWS_LISTED) {
    add({ row: 1, column: '', value: '', reason: `Yderligere ${cprRows - CPR_ROWS_LISTED} felter ser ud til at indeholde CPR-numre. Intet er importeret.` });
  }

  const { columns, errors: headerErrors } = resolveColumns(headers, mapping);
  errors.push(...headerErrors);
  const hasGrantColumns = GRANT_COLUMNS.some((c) => columns[c] !== null);
  if (headerErrors.some((e) => REQUIRED_COLUMNS.includes(e.column as CanonicalColumn)) || headerErrors.length > 0) {
    return { ...empty, columns, hasGrantColumns, rowCount: rows.slice(1).filter((r) => !isBlankRow(r)).length, errors };
  }

  const cases = new Map<string, ImportCase & { signature: string }>();
  const citizens = new Map<string, { initials: string; row: number }>();
  let rowCount = 0;
  for (let r = 1; r < rows.length; r++) {
    if (r % CHECK_CHUNK_ROWS === 0) yield { phase: 'check', done: r, total };
    const cells = rows[r]!;
    if (isBlankRow(cells)) continue;
    rowCount++;
    const row = r + 1;
    if (cells.length !== headers.length) {
      add({
        row, column: '', value: cells.length > headers.length ? cells.slice(headers.length).join(delimiter) : '',
        reason: `Rækken har ${cells.length} felter, men overskriften har ${headers.length}. Tjek skilletegn (${delimiter === ';' ? 'semikolon' : delimiter === ',' ? 'komma' : 'tabulator'}) og anførselstegn.`,
      });
      continue;
    }
    const before = errors.length;
    const cell = (c: CanonicalColumn) => {
      const index = columns[c];
      return index === null ? '' : (cells[index] ?? '').trim();
    };
    const colName = (c: CanonicalColumn) => (columns[c] === null ? c : headers[columns[c]!] || c);
    const fail = (c: CanonicalColumn, reason: string) => add({ row, column: colName(c), value: cell(c), reason });
    const required = (c: CanonicalColumn, what: string) => {
      const v = cell(c);
      if (v === '') fail(c, `${what} mangler.`);
      else if (MAX_LENGTH[c] !== undefined && v.length > MAX_LENGTH[c]!) fail(c, `${what} er for lang (højst ${MAX_LENGTH[c]} tegn).`);
      return v;
    };
    const date = (c: CanonicalColumn, what: string, mandatory: boolean): IsoDate | null => {
      const v = cell(c);
      if (v === '') {
        if (mandatory) fail(c, `${what} mangler.`);
        return null;
      }
      const iso = parseDanishDate(v);
      if (!iso) fail(c, `${what} er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.`);
      return iso;
    };

    const caseNumber = required('sagsnummer', 'Sagsnummer');
    const citizenRef = required('borger_ref', 'Borgerens reference');
    const citizenInitials = required('borger_initialer', 'Borgerens initialer');
    const team = normaliseName(required('team', 'Team'));
    const caseworkerRaw = normaliseName(cell('sagsbehandler'));
    if (caseworkerRaw.length > MAX_LENGTH.sagsbehandler!) fail('sagsbehandler', 'Sagsbehandlerens navn er for langt (højst 120 tegn).');
    const kindRaw = required('sagstype', 'Sagstype');
    const kind = KINDS[kindRaw.toLowerCase()];
    if (kindRaw !== '' && !kind) fail('sagstype', 'Ukendt sagstype. Brug ansoegning, opfoelgning, klage eller opgave.');
    const paragraphRaw = required('paragraf', 'Paragraf');
    const paragraph = parseParagraph(paragraphRaw);
    if (paragraphRaw !== '' && !paragraph) fail('paragraf', 'Ukendt paragraf. Skriv fx 85, 82a eller 107 (et § foran er tilladt).');
    const received = date('modtaget', 'Modtagelsesdatoen', true);

    let grant: ImportGrant | null = null;
    if (hasGrantColumns && GRANT_COLUMNS.some((c) => cell(c) !== '')) {
      for (const c of REQUIRED_GRANT_COLUMNS) {
        if (columns[c] === null) fail(c, `Rækken har en bevilling, men filen mangler kolonnen "${c}".`);
      }
      const service = columns.ydelse === null ? '' : required('ydelse', 'Ydelsen');
      const provider = columns.leverandoer === null ? '' : required('leverandoer', 'Leverandøren');
      const providerRaw = columns.leverandoertype === null ? '' : required('leverandoertype', 'Leverandørtypen');
      const providerType = PROVIDER_TYPES[providerRaw.toLowerCase()];
      if (providerRaw !== '' && !providerType) fail('leverandoertype', 'Leverandørtypen skal være intern eller ekstern.');
      const takstRaw = columns.takst === null ? '' : required('takst', 'Taksten');
      // The one amount parser of the app (shared/money.ts): 1.234,50, 1234,5 and 1 234 alike, whole øre.
      const parsedTakst = takstRaw === '' ? null : parseAmount(takstRaw, { allowNegative: true });
      const takst = parsedTakst?.ok ? parsedTakst.kroner : null;
      if (parsedTakst && !parsedTakst.ok) fail('takst', 'Taksten er ikke et tal. Skriv fx 1.234,50.');
      else if (takst !== null && takst < 0) fail('takst', 'Taksten kan ikke være negativ.');
      const unitRaw = columns.takstenhed === null ? '' : required('takstenhed', 'Takstenheden');
      const unit = TAKST_UNITS[unitRaw.toLowerCase()];
      if (unitRaw !== '' && !unit) fail('takstenhed', 'Ukendt takstenhed. Brug time, dag, uge, maaned eller aar.');
      const quantityRaw = cell('omfang');
      let quantity: number | null = 1;
      if (quantityRaw === '') {
        if (unit === 'hour') {
          fail('omfang', 'Omfanget (timer pr. uge) mangler for en timetakst.');
          quantity = null;
        }
      } else {
        quantity = parseDanishNumber(quantityRaw);
        if (quantity === null) fail('omfang', 'Omfanget er ikke et tal. Skriv fx 7,5.');
        else if (quantity < 0) fail('omfang', 'Omfanget kan ikke være negativt.');
        else if (unit === 'hour' && quantity > 168) fail('omfang', 'Omfanget er timer pr. uge og kan højst være 168.');
      }
      const start = columns.start === null ? null : date('start', 'Startdatoen', true);
      const end = date('slut', 'Slutdatoen', false);
      const nextFollowUp = date('naeste_opfoelgning', 'Næste opfølgning', false);
      const decided = columns.afgoerelsesdato === null ? null : date('afgoerelsesdato', 'Afgørelsesdatoen', false);
      if (start && end && end < start) fail('slut', 'Slutdatoen ligger før startdatoen.');
      if (errors.length === before && paragraph && providerType && takst !== null && unit && quantity !== null && start) {
        grant = { paragraph, service, provider, providerType, takst, takstUnit: unit, quantity, startDate: start, endDate: end, nextFollowUp, ...(decided ? { decidedDate: decided } : {}) };
      }
    }
    if (errors.length > before || !kind || !paragraph || !received) continue;

    const known = citizens.get(citizenRef);
    if (known && known.initials !== citizenInitials) {
      fail('borger_initialer', `Borgeren ${citizenRef} har andre initialer (${known.initials}) i række ${known.row}.`);
      continue;
    }
    if (!known) citizens.set(citizenRef, { initials: citizenInitials, row });

    const caseworker = caseworkerRaw === '' ? null : caseworkerRaw;
    const signature = JSON.stringify([citizenRef, nameKey(team), caseworker && nameKey(caseworker), kind, paragraph, received]);
    const existing = cases.get(caseNumber);
    if (!existing) {
      cases.set(caseNumber, { row, caseNumber, citizenRef, citizenInitials, team, caseworker, kind, paragraph, received, grants: grant ? [grant] : [], signature });
      continue;
    }
    if (existing.signature !== signature) {
      fail('sagsnummer', `Sagen står også i række ${existing.row} med andre oplysninger om borger, team, sagsbehandler, sagstype, paragraf eller modtagelsesdato. En sag med flere bevillinger skal have de samme sagsoplysninger på hver række.`);
      continue;
    }
    if (!grant) {
      fail('ydelse', `Sagen står også i række ${existing.row}; en ekstra række for samme sag skal have en bevilling.`);
      continue;
    }
    if (existing.grants.some((g) => grantKey(g) === grantKey(grant))) {
      fail('ydelse', 'Den samme bevilling (paragraf, ydelse, leverandør og startdato) står to gange for sagen.');
      continue;
    }
    existing.grants.push(grant);
  }
  if (rowCount === 0 && errors.length === 0) {
    add({ row: 2, column: '', value: '', reason: 'Filen har ingen rækker under overskriften.' });
  }
  return {
    delimiter, headers, columns, hasGrantColumns, rowCount,
    cases: errors.length ? [] : [...cases.values()].map(({ signature: _s, ...c }) => c),
    errors,
  };
}

/** What identifies a grant across imports: the same paragraph, service, provider and start. */
export function grantKey(g: Pick<ImportGrant, 'paragraph' | 'service' | 'provider' | 'startDate'>): string {
  return JSON.stringify([g.paragraph, g.service, g.provider, g.startDate]);
}

/** True when the grant's values (beyond its key) are the same. */
export function sameGrant(a: ImportGrant, b: ImportGrant): boolean {
  return (
    grantKey(a) === grantKey(b) && a.providerType === b.providerType && Math.abs(a.takst - b.takst) < 0.005 &&
    a.takstUnit === b.takstUnit && Math.abs(a.quantity - b.quantity) < 1e-9 && a.endDate === b.endDate && a.nextFollowUp === b.nextFollowUp
  );
}

/** Initials for a new caseworker: first letter of the first name and of the last name(s). */
export function initialsOf(name: string): string {
  const words = normaliseName(name).split(' ').filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return `${words[0]![0]}${words[words.length - 1]![0]}`.toUpperCase();
}
