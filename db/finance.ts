// The finance system's bookings in the store (issue 16, item 8): importing an extract of
// monthly booked expenditure per account and team in one transaction — or nothing when any row
// is wrong — and reading the bookings beside the grant-based spend of the same months, as known
// at the end of a day. Parsing and the attention rule are shared/finance.ts; the grant-based
// figures are db/bottomLine.ts's versions priced by shared/grantHistory.ts.
import type { TextEncoding } from '../shared/api/methods/data';
import type { IsoDate } from '../shared/domain';
import { compareMonth, parseFinanceExtract, type FinanceMonthOere } from '../shared/finance';
import { monthlyOere } from '../shared/grantHistory';
import type { ImportError } from '../shared/import';
import type { Db } from './connection';
import { teamRows, versionsKnown } from './bottomLine';
import { appendEvent } from './events';
import { decodeExtract } from './import';
import type { FinanceBookingsRow, FinanceImportsRow, OrNull, PeopleRow } from './schema';

export interface FinanceImportOptions {
  actorId: number | null;
  now: Date;
  fileName: string;
}

export interface FinanceImportSummary {
  importId: number;
  fileName: string;
  encoding: TextEncoding;
  delimiter: string;
  rows: number;
  bookings: number;
  inserted: number;
  replaced: number;
  totalOere: number;
  months: { year: number; month: number }[];
  teams: string[];
}

export type FinanceImportOutcome =
  | { ok: true; summary: FinanceImportSummary }
  | { ok: false; errors: ImportError[]; totalErrors: number; encoding: TextEncoding; delimiter: string; rows: number };

/** Decodes (UTF-8 with or without BOM, else Windows-1252), validates and writes the extract in one transaction. */
export function importFinanceBookings(db: Db, bytes: Uint8Array, options: FinanceImportOptions): FinanceImportOutcome {
  const { text, encoding } = decodeExtract(bytes);
  const teams = teamRows(db);
  const parsed = parseFinanceExtract(text, teams);
  if (parsed.errors.length) {
    return { ok: false, errors: parsed.errors, totalErrors: parsed.totalErrors, encoding, delimiter: parsed.delimiter, rows: parsed.rowCount };
  }
  const at = options.now.toISOString();
  const { actorId, fileName } = options;
  // Nested inside the dispatcher's transaction this is a savepoint; from the CLI, the transaction itself.
  const run = db.transaction((): FinanceImportSummary => {
    const importId = Number(
      db.prepare('INSERT INTO finance_imports (file_name, imported_at, imported_by, row_count, encoding) VALUES (?, ?, ?, ?, ?)')
        .run(fileName, at, actorId, parsed.rowCount, encoding).lastInsertRowid,
    );
    const existing = db.prepare('SELECT 1 FROM finance_bookings WHERE year = ? AND month = ? AND account = ? AND team_id = ?');
    const upsert = db.prepare(
      `INSERT INTO finance_bookings (year, month, account, team_id, amount_oere, imported_at, imported_by, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year, month, account, team_id) DO UPDATE SET
         amount_oere = excluded.amount_oere, imported_at = excluded.imported_at, imported_by = excluded.imported_by, import_id = excluded.import_id`,
    );
    let replaced = 0;
    let totalOere = 0;
    for (const b of parsed.bookings) {
      if (existing.get(b.year, b.month, b.account, b.teamId)) replaced++;
      upsert.run(b.year, b.month, b.account, b.teamId, b.amountOere, at, actorId, importId);
      totalOere += b.amountOere;
    }
    const months = [...new Set(parsed.bookings.map((b) => b.year * 100 + b.month))].sort((a, b) => a - b)
      .map((key) => ({ year: Math.floor(key / 100), month: key % 100 }));
    const teamIds = new Set(parsed.bookings.map((b) => b.teamId));
    const summary: FinanceImportSummary = {
      importId, fileName, encoding, delimiter: parsed.delimiter, rows: parsed.rowCount, bookings: parsed.bookings.length,
      inserted: parsed.bookings.length - replaced, replaced, totalOere, months,
      teams: teams.filter((t) => teamIds.has(t.id)).map((t) => t.name),
    };
    appendEvent(db, {
      at, actorId, entity: 'finance_import', entityId: importId, type: 'imported', field: 'file', from: fileName,
      to: JSON.stringify({ rows: summary.rows, bookings: summary.bookings, inserted: summary.inserted, replaced, totalOere }),
      reason: `Bogføring fra økonomisystemet (${fileName})`,
    });
    return summary;
  });
  const summary = db.inTransaction ? run() : run.immediate();
  return { ok: true, summary };
}

export interface FinanceTeamOere {
  teamId: number;
  team: string;
  months: FinanceMonthOere[];
}

export interface FinanceComparisonOere {
  year: number;
  asOf: IsoDate;
  teams: FinanceTeamOere[];
  /** Every team summed, month by month; only department-wide (no team asked for). */
  department: FinanceMonthOere[] | null;
  lastImport: { fileName: string; importedAt: string; importedBy: string | null } | null;
}

/**
 * Booked against grant-based, month by month of `year`, whole øre. Grant-based is each month's
 * cost of the grant versions known at the end of `asOf` (the bottom line's day rule, so the
 * twelve months sum to the year's forecast as known then). A month is booked once any team has a
 * booking for it; a team without one in a booked month has booked 0.
 */
export function financeComparison(db: Db, year: number, asOf: IsoDate, teamId?: number): FinanceComparisonOere {
  const teams = teamRows(db).filter((t) => teamId === undefined || t.id === teamId);
  const grant = new Map(teams.map((t) => [t.id, new Array<number>(12).fill(0)]));
  for (const v of versionsKnown(db, year, asOf, teamId)) {
    const months = grant.get(v.teamId);
    if (!months) continue;
    monthlyOere(v, year).forEach((cost, i) => (months[i]! += cost));
  }
  const booked = new Map(teams.map((t) => [t.id, new Array<number>(12).fill(0)]));
  const rows = db.prepare<number[], Pick<FinanceBookingsRow, 'team_id' | 'month'> & { oere: number }>(
    `SELECT team_id, month, SUM(amount_oere) AS oere FROM finance_bookings WHERE year = ?${teamId === undefined ? '' : ' AND team_id = ?'} GROUP BY team_id, month`,
  ).all(...(teamId === undefined ? [year] : [year, teamId]));
  for (const r of rows) {
    const months = booked.get(r.team_id);
    if (months) months[r.month - 1] = r.oere;
  }
  const bookedMonths = new Set(db.prepare<[number], Pick<FinanceBookingsRow, 'month'>>('SELECT DISTINCT month FROM finance_bookings WHERE year = ?').all(year).map((r) => r.month));
  const compare = (b: number[], g: number[]) => g.map((cost, i) => compareMonth(i + 1, bookedMonths.has(i + 1) ? b[i]! : null, cost));
  const out = teams.map((t) => ({ teamId: t.id, team: t.name, months: compare(booked.get(t.id)!, grant.get(t.id)!) }));
  let department: FinanceMonthOere[] | null = null;
  if (teamId === undefined) {
    const sum = (m: Map<number, number[]>) => Array.from({ length: 12 }, (_, i) => [...m.values()].reduce((n, months) => n + months[i]!, 0));
    department = compare(sum(booked), sum(grant));
  }
  const last = db.prepare<[], Pick<FinanceImportsRow, 'file_name' | 'imported_at'> & OrNull<Pick<PeopleRow, 'name'>>>(
    `SELECT f.file_name, f.imported_at, p.name FROM finance_imports f LEFT JOIN people p ON p.id = f.imported_by ORDER BY f.id DESC LIMIT 1`,
  ).get();
  return {
    year, asOf, teams: out, department,
    lastImport: last ? { fileName: last.file_name, importedAt: last.imported_at, importedBy: last.name } : null,
  };
}
