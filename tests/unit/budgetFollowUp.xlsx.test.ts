// The budget follow-up's workbook (shared/budgetFollowUp.ts, followUpXlsx), read back with exceljs.
// Apart from the other follow-up tests because loading exceljs takes a second or two.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { followUpXlsx, type Sheet } from '../../shared/budgetFollowUp';

describe('the follow-up workbook', () => {
  it('has a sheet per sheet with a bold title, bold filtered headers under a frozen pane, real numbers and dates with Danish formats', async () => {
    const sheets: Sheet[] = [{
      name: 'Et navn der er længere end Excels grænse',
      title: 'Titel',
      columns: [
        { key: 'name', header: 'Navn', kind: 'text', width: 20 }, { key: 'amount', header: 'Beløb', kind: 'money', width: 18 },
        { key: 'count', header: 'Antal', kind: 'int', width: 8 }, { key: 'share', header: 'Andel', kind: 'share', width: 10 },
        { key: 'day', header: 'Dato', kind: 'date', width: 12 },
      ],
      rows: [
        { name: 'A', amount: 1234.5, count: 3, share: 0.25, day: '2026-06-30' },
        { name: '2026-01-01', amount: null, count: undefined, share: 0, day: null },
      ],
    }, { name: 'Kort', title: 'Anden', columns: [{ key: 'x', header: 'X', kind: 'text', width: 5 }], rows: [] }];
    const bytes = await followUpXlsx(sheets);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    expect(book.creator).toBe('Flowtavle');
    expect(book.worksheets.map((w) => w.name)).toEqual(['Et navn der er længere end Exce', 'Kort']);
    const ws = book.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell(1, 1).value).toBe('Titel');
    expect(ws.getCell(1, 1).font).toMatchObject({ bold: true, size: 13 });
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual(['Navn', 'Beløb', 'Antal', 'Andel', 'Dato']);
    expect(ws.getCell(2, 1).font).toMatchObject({ bold: true });
    expect(ws.getCell(3, 1).font?.bold).toBeFalsy();
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(3, c).value)).toEqual(['A', 1234.5, 3, 0.25, new Date('2026-06-30T00:00:00Z')]);
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(4, c).value)).toEqual(['2026-01-01', null, null, 0, null]);
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([20, 18, 8, 10, 12]);
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(3, c).numFmt ?? null)).toEqual([null, '#,##0.00', '0', '0.0%', 'dd.mm.yyyy']);
    expect(ws.autoFilter).toEqual('A2:E4');
    expect(book.worksheets[1]!.autoFilter).toEqual('A2:A2');
  });

});
