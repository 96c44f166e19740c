// The case system's extract as an XLSX workbook: its first sheet's cells become the rows of text
// the CSV path reads (shared/import.ts), so both kinds of file meet the same columns, mapping,
// checks and all-or-nothing write. Pure: the renderer and the command line open the workbook with
// exceljs (kept out of shared/, and lazy in the renderer) and hand its first sheet over as a
// SheetSource.

/** One cell as exceljs gives it: plain values, rich text, formulas with their result, links, errors. */
export type SheetCell =
  | string | number | boolean | Date | null | undefined
  | { richText: readonly { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { text: string; hyperlink?: string }
  | { error: string };

/** The first worksheet: its last used row, and each row's cells from column A (index 0). */
export interface SheetSource {
  rowCount: number;
  row(number: number): readonly SheetCell[];
}

/** How far the reading of the sheet is. */
export interface SheetProgress {
  phase: 'read';
  done: number;
  total: number;
}

export const SHEET_CHUNK_ROWS = 2_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the extract's text: dates as ISO dates (the case system's date cells are calendar
 * days; exceljs gives them as UTC midnight), numbers with a decimal comma so that 1.5 hours is
 * never read as the Danish thousand "1.500", rich text and links as their text, a formula as its
 * result, an error value (#N/A) as written so the checks name it.
 */
export function cellText(cell: SheetCell | unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    // Fifteen significant digits drop a formula's binary noise (0.1 + 0.2 is 0,3, and a rate
    // stays whole øre); beyond 1e21 toString writes an exponent, which no column of the extract holds.
    const value = Number(cell.toPrecision(15));
    return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    return `${String(cell.getUTCFullYear()).padStart(4, '0')}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
  }
  if (typeof cell === 'object') {
    const value = cell as Record<string, unknown>;
    if (Array.isArray(value['richText'])) return (value['richText'] as { text?: unknown }[]).map((t) => String(t.text ?? '')).join('');
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) return cellText(value['result']);
    if (typeof value['error'] === 'string') return value['error'];
    if (typeof value['text'] === 'string') return value['text'];
  }
  return '';
}

/**
 * The sheet as rows of text, row 0 the header, one row per sheet row (so the errors' row numbers
 * are the sheet's). Each row has the header's width: the empty cells a sheet leaves out are
 * filled in, and cells beyond the header are kept only when they hold something, so that the
 * checks can say the row is too wide.
 */
export function* sheetRows(sheet: SheetSource): Generator<SheetProgress, string[][], void> {
  const total = Math.max(sheet.rowCount - 1, 0);
  const texts = (n: number) => sheet.row(n).map(cellText);
  const header = sheet.rowCount >= 1 ? texts(1) : [];
  while (header.length > 0 && header[header.length - 1]!.trim() === '') header.pop();
  const width = header.length;
  const rows: string[][] = sheet.rowCount >= 1 ? [header] : [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    if ((n - 1) % SHEET_CHUNK_ROWS === 0) yield { phase: 'read', done: n - 1, total };
    const cells = texts(n);
    let end = cells.length;
    while (end > width && cells[end - 1]!.trim() === '') end--;
    const row = cells.slice(0, end);
    while (row.length < width) row.push('');
    rows.push(row);
  }
  return rows;
}

/** The file's bytes start like every XLSX (a zip archive): PK\x03\x04. */
export function isXlsx(bytes: Uint8Array, fileName?: string): boolean {
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip || (fileName !== undefined && /\.xlsx$/i.test(fileName));
}

const quoteCell = (cell: string) => (/[;"\r\n,\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The rows as the CSV the host reads (semicolon, UTF-8, every special character quoted): how the
 * renderer hands a workbook's cells to the one import path, unchanged. Unlike the export's CSV,
 * nothing is prefixed against formulas: these are the extract's own values, read back at once.
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(quoteCell).join(';')).join('\r\n');
}

/** The part of exceljs the readers use: a workbook whose worksheets have rows of values. */
export interface ExcelWorkbook {
  xlsx: { load(data: ArrayBuffer | Uint8Array): Promise<unknown> };
  worksheets: { rowCount: number; getRow(n: number): { values: unknown } }[];
}

/** The first worksheet of a loaded workbook as a SheetSource (exceljs's row values start at index 1). */
export function firstSheet(workbook: ExcelWorkbook): SheetSource | null {
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  return {
    rowCount: sheet.rowCount,
    row: (n) => {
      const values = sheet.getRow(n).values;
      return Array.isArray(values) ? Array.from(values.slice(1), (v) => v as SheetCell) : [];
    },
  };
}

/** Why a workbook is refused before its cells are read, said as the import's other row-1 errors are. */
export interface SheetProblem {
  row: 1;
  column: '';
  value: string;
  reason: string;
}

/** Loads the workbook and takes its first sheet, or says why the file is no workbook to read. */
export async function openFirstSheet(workbook: ExcelWorkbook, bytes: Uint8Array): Promise<{ sheet: SheetSource } | { problem: SheetProblem }> {
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    return {
      problem: {
        row: 1, column: '', value: '',
        reason: 'Filen kan ikke læses som et XLSX-regneark: den er beskadiget eller er ikke et regneark. Gem udtrækket igen som .xlsx eller .csv, og importér igen. Intet er importeret.',
      },
    };
  }
  const sheet = firstSheet(workbook);
  if (!sheet) {
    return { problem: { row: 1, column: '', value: '', reason: 'Regnearket har ingen ark: udtrækket skal stå i det første ark med overskrifterne i række 1.' } };
  }
  return { sheet };
}

/**
 * The workbook's first sheet as the extract's rows of text, told each step on the way. The
 * renderer's onStep pauses (so the bar paints) and throws when the user cancels; the command
 * line's prints its progress line.
 */
export async function workbookRows(
  workbook: ExcelWorkbook, bytes: Uint8Array, onStep: (progress: SheetProgress) => void | Promise<void> = () => undefined,
): Promise<{ rows: string[][] } | { problem: SheetProblem }> {
  const opened = await openFirstSheet(workbook, bytes);
  if ('problem' in opened) return opened;
  const steps = sheetRows(opened.sheet);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { rows: step.value };
    await onStep(step.value);
  }
}
