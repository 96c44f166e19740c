// Export any table to CSV (Danish Excel: semicolons, UTF-8 with BOM, decimal commas) or XLSX.
// Drop it next to a table: <ExportButton filename="sager" columns={[{ key, header }]} rows={rows} />.
// exceljs is loaded only when someone exports to XLSX, so no view's first load pays for it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/dates';
import { exportFileName, toCsv, xlsxCellValue, type ExportColumn, type ExportRow } from '../../../shared/importExport';
import { saveFile } from './saveFile';

export interface ExportButtonProps {
  /** Base of the file name; today's date and the extension are added. */
  filename: string;
  columns: readonly ExportColumn[];
  /** The rows, or a function that fetches them when the user exports (for long lists). */
  rows: readonly ExportRow[] | (() => Promise<readonly ExportRow[]>);
  /** Worksheet name in XLSX. */
  sheetName?: string;
  disabled?: boolean;
}

async function xlsxBlob(columns: readonly ExportColumn[], rows: readonly ExportRow[], sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Flowtavle';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'Eksport', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, Math.min(45, c.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, xlsxCellValue(row[c.key])])));
  columns.forEach((c, i) => {
    const sample = rows.find((r) => r[c.key] !== null && r[c.key] !== undefined)?.[c.key];
    if (typeof sample === 'number') sheet.getColumn(i + 1).numFmt = Number.isInteger(sample) ? '#,##0' : '#,##0.00';
    else if (typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sample)) sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy';
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export function ExportButton({ filename, columns, rows, sheetName, disabled }: ExportButtonProps) {
  const { t } = useTranslation('data');
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(format: 'csv' | 'xlsx') {
    setBusy(format);
    setError(null);
    try {
      const data = typeof rows === 'function' ? await rows() : rows;
      const name = `${exportFileName(filename, localToday())}.${format}`;
      if (format === 'csv') saveFile(new Blob([toCsv(columns, data)], { type: 'text/csv;charset=utf-8' }), name);
      else saveFile(await xlsxBlob(columns, data, sheetName ?? filename), name);
    } catch (e) {
      setError(t('export.failed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <span className="export-button" style={{ display: 'inline-flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label={t('export.group', { name: sheetName ?? filename })}>
      <button type="button" onClick={() => void run('csv')} disabled={disabled || busy !== null} aria-busy={busy === 'csv'}>
        {busy === 'csv' ? t('export.working') : t('export.csv')}
      </button>
      <button type="button" onClick={() => void run('xlsx')} disabled={disabled || busy !== null} aria-busy={busy === 'xlsx'}>
        {busy === 'xlsx' ? t('export.working') : t('export.xlsx')}
      </button>
      {error && <span className="export-error" role="alert" style={{ color: 'var(--danger)' }}>{error}</span>}
    </span>
  );
}
