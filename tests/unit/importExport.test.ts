// Export cells (shared/importExport.ts): what Danish Excel reads as numbers and dates, what it
// would run as a formula, and the names of the files and the audit log's event types.
import { describe, expect, it } from 'vitest';
import { csvLines, exportCellText, exportFileName, formatExportNumber, tableToCsv, xlsxCellValue } from '../../shared/importExport';

describe('export numbers', () => {
  it('groups thousands with dots and keeps up to two decimals without trailing zeros', () => {
    expect(formatExportNumber(0)).toBe('0');
    expect(formatExportNumber(999)).toBe('999');
    expect(formatExportNumber(1000)).toBe('1.000');
    expect(formatExportNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatExportNumber(1234.567)).toBe('1.234,57');
    expect(formatExportNumber(1.1)).toBe('1,1');
    expect(formatExportNumber(1.05)).toBe('1,05');
    expect(formatExportNumber(0.5)).toBe('0,5');
    expect(formatExportNumber(2.001)).toBe('2');
    expect(formatExportNumber(-1234)).toBe('-1.234');
  });
  it('writes nothing for a number that is not finite', () => {
    expect([NaN, Infinity, -Infinity].map(formatExportNumber)).toEqual(['', '', '']);
  });
});

describe('export cells', () => {
  it('writes blanks, Ja/Nej, Danish numbers and dates, and text as it is', () => {
    expect([null, undefined, true, false, 1234.5, '2026-11-23', '2026-11-23T10:00', 'x2026-11-23', 'Bostøtte'].map(exportCellText))
      .toEqual(['', '', 'Ja', 'Nej', '1.234,5', '23.11.2026', '2026-11-23T10:00', 'x2026-11-23', 'Bostøtte']);
  });
  it('puts an apostrophe before text Excel would run, but not before a negative Danish number', () => {
    const cell = (text: string) => tableToCsv(['A'], [[text]]).split('\r\n')[1];
    expect(['-1.250,5', '-12', '-1,5', '-1,25', '-1.2.3', '-abc', '-1,', '-1abc', '+45', '=1', '@x', '1-', 'x-1'].map(cell))
      .toEqual(['-1.250,5', '-12', '-1,5', '-1,25', '-1.2.3', "'-abc", "'-1,", "'-1abc", "'+45", "'=1", "'@x", '1-', 'x-1']);
  });
  it('the lines of a table have no BOM and end each line with CRLF', () => {
    expect(csvLines([{ key: 'a', header: 'A' }, { key: 'b', header: 'B;C' }], [{ a: 1, b: true }, { a: null }])).toBe('A;"B;C"\r\n1;Ja\r\n;\r\n');
    expect(csvLines([{ key: 'a', header: 'A' }], [])).toBe('A\r\n');
  });
});

describe('XLSX cells', () => {
  it('keeps numbers as numbers, ISO dates as dates, and Ja/Nej for yes and no', () => {
    expect(xlsxCellValue(null)).toBeNull();
    expect(xlsxCellValue(undefined)).toBeNull();
    expect(xlsxCellValue(1234.5)).toBe(1234.5);
    expect(xlsxCellValue(NaN)).toBeNull();
    expect(xlsxCellValue(Infinity)).toBeNull();
    expect(xlsxCellValue(true)).toBe('Ja');
    expect(xlsxCellValue(false)).toBe('Nej');
    expect(xlsxCellValue('2026-11-23')).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(xlsxCellValue('2026-11-23 kl. 10')).toBe('2026-11-23 kl. 10');
    expect(xlsxCellValue('uge 2026-11-23')).toBe('uge 2026-11-23');
  });
});

describe('export file names', () => {
  it('spells æ, ø and å out, joins words with single dashes and adds the day', () => {
    expect(exportFileName('Sager æøå Team!', '2026-11-23')).toBe('sager-aeoeaa-team-2026-11-23');
    expect(exportFileName('ÆØÅ', '2026-11-23')).toBe('aeoeaa-2026-11-23');
    expect(exportFileName('--Flow  tal--', '2026-11-23')).toBe('flow-tal-2026-11-23');
  });
  it('falls back to "eksport" when nothing of the name is left', () => {
    expect(exportFileName('', '2026-11-23')).toBe('eksport-2026-11-23');
    expect(exportFileName('!!!', '2026-11-23')).toBe('eksport-2026-11-23');
  });
});
