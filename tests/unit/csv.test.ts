// The one CSV writer (shared/importExport.ts) as each exporter uses it: the server's
// writeCsvFile (CLI export), the renderer's flow tables (tableToCsv) and the budget follow-up.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCsvFile } from '../../db/export';
import { followUpCsv } from '../../shared/budgetFollowUp';
import { tableToCsv, toCsv } from '../../shared/importExport';

const dir = mkdtempSync(join(tmpdir(), 'flowtavle-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CSV writer', () => {
  it('writes what Danish Excel opens: BOM, semicolons, decimal comma, CRLF', () => {
    expect(tableToCsv(['Rådgiver', 'Vægtet sagstal', 'Note'], [['Åse Ærø', 1234.5, 'sagt "nej"; igen'], ['Bo', 7, null]]))
      .toBe('\ufeffRådgiver;Vægtet sagstal;Note\r\nÅse Ærø;1.234,5;"sagt ""nej""; igen"\r\nBo;7;\r\n');
  });

  it('quotes cells with quotes, semicolons and line breaks', () => {
    expect(tableToCsv(['A'], [['x;y'], ['sagt "ja"'], ['linje 1\nlinje 2'], ['a\r\nb']]))
      .toBe('\ufeffA\r\n"x;y"\r\n"sagt ""ja"""\r\n"linje 1\nlinje 2"\r\n"a\r\nb"\r\n');
  });

  it('puts an apostrophe before a cell Excel would run as a formula', () => {
    const csv = tableToCsv(['Note'], [['=HYPERLINK("http://x")'], ['+45 1234'], ['-2+3'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['sum = 2']]);
    expect(csv.split('\r\n').slice(1, 6)).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+45 1234", "'-2+3", "'@SUM(A1)", "'\tx"]);
    // A carriage return also needs quotes; an = inside the text is harmless.
    expect(csv).toContain('\r\n"\'\rx"\r\nsum = 2\r\n');
  });

  it('leaves negative numbers as numbers, given as numbers or as Danish text', () => {
    expect(tableToCsv(['Beløb', 'Tekst'], [[-1250.5, '-1250,5'], [-1234567, '-1.234.567']]))
      .toBe('\ufeffBeløb;Tekst\r\n-1.250,5;-1250,5\r\n-1.234.567;-1.234.567\r\n');
  });

  it('guards the server\'s export file (CLI export) the same way', () => {
    const file = join(dir, 'sager.csv');
    writeCsvFile(file, {
      title: 'Sager',
      columns: [{ key: 'note', header: 'Note' }, { key: 'amount', header: 'Beløb' }, { key: 'from', header: 'Start' }],
      rows: [{ note: '=1+1', amount: -1250.5, from: '2026-12-01' }, { note: 'a;b', amount: 0, from: null }],
    });
    expect(readFileSync(file, 'utf8')).toBe("\ufeffNote;Beløb;Start\r\n'=1+1;-1.250,5;01.12.2026\r\n\"a;b\";0;\r\n");
  });

  it('writes the budget follow-up as one file with a single BOM and a title line per sheet', () => {
    const csv = followUpCsv([
      { title: 'Bundlinje', columns: [{ key: 'a', header: 'Team' }], rows: [{ a: '-Team' }] },
      { title: 'Takst', columns: [{ key: 'b', header: 'Median' }], rows: [{ b: -7085 }] },
    ] as unknown as Parameters<typeof followUpCsv>[0]);
    expect(csv).toBe("\ufeffBundlinje\r\nTeam\r\n'-Team\r\n\r\nTakst\r\nMedian\r\n-7.085\r\n");
    expect(csv).toBe(`${toCsv([{ key: 't', header: 'Bundlinje' }], [])}${toCsv([{ key: 'a', header: 'Team' }], [{ a: '-Team' }]).slice(1)}\r\nTakst\r\nMedian\r\n-7.085\r\n`);
  });
});
