// The case system's extract as XLSX (shared/importSheet.ts): the same cases as the same extract
// as CSV, Excel's own dates and numbers read as the CSV's texts, and a damaged, empty or
// incomplete workbook refused with its reason before anything is written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../db/connection';
import { importExtract, type ImportOutcome } from '../../db/import';
import { parseCsv, parseDanishDate, type ImportProgress } from '../../shared/import';
import { cellText, isXlsx, rowsToCsv, workbookRows } from '../../shared/importSheet';

const REPO = resolve(import.meta.dirname, '../..');
const CSV = readFileSync(join(REPO, 'tests/fixtures/import/datatraek.csv'), 'utf8');
const NOW = new Date('2026-11-23T10:00:00Z');
const DATE_COLUMNS = new Set(['modtaget', 'start', 'slut', 'naeste_opfoelgning']);
const NUMBER_COLUMNS = new Set(['omfang']);

function freshStore(): Db {
  return openStore(join(mkdtempSync(join(tmpdir(), 'flowtavle-xlsx-')), 'flowtavle.db'));
}

/** The CSV fixture as the case system writes it to Excel: dates as date cells, numbers as numbers. */
async function workbookOf(rows: string[][], options: { typed?: boolean } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Udtræk');
  const header = rows[0] ?? [];
  for (const cells of rows) {
    sheet.addRow(cells.map((text, i) => {
      if (!options.typed || cells === rows[0] || text === '') return text;
      const column = header[i]!;
      if (DATE_COLUMNS.has(column)) return new Date(`${parseDanishDate(text)}T00:00:00Z`);
      if (NUMBER_COLUMNS.has(column)) return Number(text.replace(',', '.'));
      if (column === 'takst') return Number(text.replace(/\./g, '').replace(',', '.'));
      return text;
    }));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the CLI and the Data view do with a workbook: its first sheet's cells, as CSV, to the one import. */
async function importWorkbook(db: Db, bytes: Uint8Array, dryRun = false): Promise<ImportOutcome> {
  const read = await workbookRows(new ExcelJS.Workbook(), bytes);
  if ('problem' in read) return { ok: false, errors: [read.problem], totalErrors: 1, encoding: 'utf-8', delimiter: '', rows: 0 };
  const csv = new TextEncoder().encode(rowsToCsv(read.rows));
  return importExtract(db, csv, { actorId: null, now: NOW, today: '2026-11-23', fileName: 'udtraek.xlsx', dryRun });
}

function storeContent(db: Db) {
  return {
    cases: db.prepare('SELECT case_number, kind, paragraph, received_date, legal_deadline FROM cases ORDER BY case_number').all(),
    citizens: db.prepare('SELECT ref, initials FROM citizens ORDER BY ref').all(),
    grants: db.prepare(
      `SELECT c.case_number, g.paragraph, g.service, g.provider, g.provider_type, g.takst, g.takst_unit, g.quantity, g.start_date, g.end_date, g.next_follow_up
       FROM grants g JOIN cases c ON c.id = g.case_id ORDER BY c.case_number, g.start_date, g.service`,
    ).all(),
    teams: db.prepare('SELECT name FROM teams ORDER BY name').all(),
    people: db.prepare('SELECT name, initials FROM people ORDER BY name').all(),
  };
}

const countCases = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;

describe('cell texts', () => {
  it('reads dates, numbers, rich text, formulas and error values as the extract writes them', () => {
    expect(cellText(new Date('2026-11-02T00:00:00Z'))).toBe('2026-11-02');
    expect(cellText(7.5)).toBe('7,5');
    // 1.5 hours never becomes the Danish thousand "1.500".
    expect(cellText(1.5)).toBe('1,5');
    expect(cellText(2450)).toBe('2450');
    // A formula's binary noise is not a third decimal of a rate.
    expect(cellText(0.1 + 0.2)).toBe('0,3');
    expect(cellText(1.1 * 3)).toBe('3,3');
    expect(cellText({ richText: [{ text: 'Team ' }, { text: 'Bostøtte' }] })).toBe('Team Bostøtte');
    expect(cellText({ formula: 'A1*2', result: 1025 })).toBe('1025');
    expect(cellText({ text: 'Bostøtten', hyperlink: 'https://example.org' })).toBe('Bostøtten');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('knows a workbook by its bytes, and by its name', () => {
    expect(isXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
    expect(isXlsx(new TextEncoder().encode('sagsnummer;borger_ref'))).toBe(false);
    expect(isXlsx(new Uint8Array([1, 2, 3]), 'Udtræk.XLSX')).toBe(true);
  });

  it('hands cells with separators, quotes and line breaks to the CSV reader unchanged', () => {
    const rows = [['a;b', 'say "hi"', 'two\nlines', 'x,y', ' padded ']];
    expect(parseCsv(rowsToCsv(rows)).rows).toEqual(rows);
  });
});

describe('an XLSX extract', () => {
  it('imports the same cases, grants, teams and people as the same extract in CSV', async () => {
    const rows = parseCsv(CSV).rows.filter((r) => r.some((c) => c !== ''));
    const fromCsv = freshStore();
    const fromXlsx = freshStore();
    const csvOutcome = importExtract(fromCsv, new TextEncoder().encode(CSV), { actorId: null, now: NOW, today: '2026-11-23', fileName: 'datatraek.csv' });
    const xlsxOutcome = await importWorkbook(fromXlsx, await workbookOf(rows, { typed: true }));
    expect(csvOutcome.ok).toBe(true);
    expect(xlsxOutcome.ok).toBe(true);
    if (!csvOutcome.ok || !xlsxOutcome.ok) return;
    expect(xlsxOutcome.summary.inserted).toBe(csvOutcome.summary.inserted);
    expect(xlsxOutcome.summary.grants).toBe(csvOutcome.summary.grants);
    expect(csvOutcome.summary.inserted).toBeGreaterThan(2);
    expect(storeContent(fromXlsx)).toEqual(storeContent(fromCsv));
  });

  it('reads the same extract typed as text cells just as well', async () => {
    const rows = parseCsv(CSV).rows.filter((r) => r.some((c) => c !== ''));
    const fromCsv = freshStore();
    const fromXlsx = freshStore();
    importExtract(fromCsv, new TextEncoder().encode(CSV), { actorId: null, now: NOW, today: '2026-11-23' });
    expect((await importWorkbook(fromXlsx, await workbookOf(rows))).ok).toBe(true);
    expect(storeContent(fromXlsx)).toEqual(storeContent(fromCsv));
  });

  it("names a wrong cell by the sheet's own row number, and writes nothing", async () => {
    const rows = parseCsv(CSV).rows.filter((r) => r.some((c) => c !== ''));
    // Row 4 of the sheet: a blank sheet row 3 in between must not shift the numbers.
    const broken = [rows[0]!, rows[1]!, rows[0]!.map(() => ''), rows[2]!.map((c, i) => (rows[0]![i] === 'modtaget' ? 'i går' : c)), ...rows.slice(3)];
    const db = freshStore();
    const outcome = await importWorkbook(db, await workbookOf(broken));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([expect.objectContaining({ row: 4, column: 'modtaget', value: 'i går', reason: expect.stringMatching(/ikke en gyldig dato/) })]);
    expect(countCases(db)).toBe(0);
  });

  it('refuses a damaged file, an empty sheet and a missing column with their reasons, and writes nothing', async () => {
    const good = await workbookOf(parseCsv(CSV).rows, { typed: true });
    const db = freshStore();
    importExtract(db, new TextEncoder().encode(CSV), { actorId: null, now: NOW, today: '2026-11-23' });
    const before = countCases(db);
    expect(before).toBeGreaterThan(0);

    const corrupt = good.slice(0, Math.floor(good.length / 2));
    const damaged = await importWorkbook(db, corrupt);
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.errors[0]!.reason).toMatch(/kan ikke læses som et XLSX-regneark.*Intet er importeret/);

    const emptyBook = new ExcelJS.Workbook();
    emptyBook.addWorksheet('Tom');
    const empty = await importWorkbook(db, new Uint8Array(await emptyBook.xlsx.writeBuffer()));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]!.reason).toMatch(/Filen er tom/);

    const rows = parseCsv(CSV).rows;
    const without = rows.map((r) => r.filter((_, i) => rows[0]![i] !== 'paragraf'));
    const missing = await importWorkbook(db, await workbookOf(without));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors).toContainEqual(expect.objectContaining({ row: 1, column: 'paragraf', reason: expect.stringMatching(/mangler kolonnen "paragraf"/) }));

    expect(countCases(db)).toBe(before);
  });

  it('is refused with its reason when its bytes reach the host, which reads CSV', async () => {
    const db = freshStore();
    const outcome = importExtract(db, await workbookOf(parseCsv(CSV).rows), { actorId: null, now: NOW, today: '2026-11-23' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]!.reason).toMatch(/XLSX-regneark, og her læses kun CSV/);
    expect(countCases(db)).toBe(0);
  });

  it('tells its progress phase by phase, the write last', () => {
    const db = freshStore();
    const seen: ImportProgress['phase'][] = [];
    const outcome = importExtract(db, new TextEncoder().encode(CSV), {
      actorId: null, now: NOW, today: '2026-11-23', onProgress: (p) => { if (seen.at(-1) !== p.phase) seen.push(p.phase); },
    });
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual(['compare', 'write']);
    const dry: ImportProgress['phase'][] = [];
    importExtract(freshStore(), new TextEncoder().encode(CSV), { actorId: null, now: NOW, today: '2026-11-23', dryRun: true, onProgress: (p) => dry.push(p.phase) });
    expect(dry).toEqual(['compare']);
  });
});

describe('the command line', () => {
  it('imports an XLSX file with --json: the JSON alone on stdout, nothing on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowtavle-xlsx-cli-'));
    const store = join(dir, 'flowtavle.db');
    openStore(store).close();
    const file = join(dir, 'udtraek.xlsx');
    writeFileSync(file, await workbookOf(parseCsv(CSV).rows.filter((r) => r.some((c) => c !== '')), { typed: true }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron/cli/main.ts'), 'import', file, '--db', store, '--json'], {
      cwd: REPO, encoding: 'utf8', timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { inserted: number; updated: number; unchanged: number };
    expect(result.inserted).toBeGreaterThan(2);
    const db = openStore(store);
    try {
      expect(countCases(db)).toBe(result.inserted);
    } finally {
      db.close();
    }
  }, 90_000);
});
