// Export of any list or report: CSV the way Danish Excel opens it (semicolon, UTF-8 with BOM,
// decimal comma) and the cell values an XLSX writer needs. Pure, shared by the renderer's
// ExportButton and flow tables, the CLI's `export` and the budget follow-up.

export type ExportValue = string | number | boolean | null | undefined;

export interface ExportColumn {
  key: string;
  /** Danish header. */
  header: string;
}

export type ExportRow = Record<string, ExportValue>;

/** "1.234,5" — numbers as Danish Excel reads them, without rounding away decimals the data has. */
export function formatExportNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const [int, frac] = Math.abs(value).toFixed(Number.isInteger(value) ? 0 : 2).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac?.replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

export function exportCellText(value: ExportValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatExportNumber(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  return value;
}

function quote(text: string): string {
  // Formula injection: a cell starting with = + - @ tab or CR would run as a formula when opened
  // in Excel; a plain number such as -1.250,5 stays a number.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?[\d.]+(,\d+)?$/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The lines of a CSV table without the BOM, each ended by CRLF: the one CSV writer behind every
 * export (the renderer's ExportButton and flow tables, the CLI's `export`, the budget follow-up).
 */
export function csvLines(columns: readonly ExportColumn[], rows: readonly ExportRow[]): string {
  const lines = [columns.map((c) => quote(c.header)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => quote(exportCellText(row[c.key]))).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole CSV file as text, starting with the BOM so Excel reads it as UTF-8. */
export function toCsv(columns: readonly ExportColumn[], rows: readonly ExportRow[]): string {
  return `\ufeff${csvLines(columns, rows)}`;
}

/** toCsv for a table given as headers and rows of cells in the same order. */
export function tableToCsv(headers: readonly string[], rows: readonly (readonly ExportValue[])[]): string {
  const columns = headers.map((header, i) => ({ key: String(i), header }));
  return toCsv(columns, rows.map((cells) => Object.fromEntries(cells.map((value, i) => [String(i), value]))));
}

/** A cell for XLSX: numbers stay numbers (Excel formats them), ISO dates become dates. */
export function xlsxCellValue(value: ExportValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** "flowtavle-sager-2026-11-23": a safe file name without extension. */
export function exportFileName(base: string, today: string): string {
  const safe = base.toLowerCase().replace(/[æ]/g, 'ae').replace(/[ø]/g, 'oe').replace(/[å]/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${safe || 'eksport'}-${today}`;
}
