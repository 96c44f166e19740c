import { describe, expect, it } from 'vitest';
import {
  detectDelimiter, findCpr, initialsOf, maskCpr, normaliseHeader, parseDanishDate, parseDanishNumber, parseExtract, parseParagraph,
  resolveColumns, validateMapping,
} from '../../shared/import';
import { exportCellText, formatExportNumber, toCsv } from '../../shared/importExport';

const HEADER = 'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget;ydelse;leverandoer;leverandoertype;takst;takstenhed;omfang;start;slut;naeste_opfoelgning';

describe('Danish numbers', () => {
  it('reads decimal commas and thousands dots', () => {
    expect(parseDanishNumber('1.234,50')).toBe(1234.5);
    expect(parseDanishNumber('1234,5')).toBe(1234.5);
    expect(parseDanishNumber('2.450')).toBe(2450);
    expect(parseDanishNumber('1.234.567')).toBe(1234567);
    expect(parseDanishNumber('7.5')).toBe(7.5);
    expect(parseDanishNumber(' 512 kr.')).toBe(512);
    expect(parseDanishNumber('-3,25')).toBe(-3.25);
  });
  it('refuses what is not a number', () => {
    expect(parseDanishNumber('')).toBeNull();
    expect(parseDanishNumber('12,3,4')).toBeNull();
    expect(parseDanishNumber('1.23,4')).toBeNull();
    expect(parseDanishNumber('ca. 500')).toBeNull();
  });
});

describe('Danish dates', () => {
  it('reads 23-11-2026, 23.11.2026, 23/11/2026 and ISO', () => {
    expect(parseDanishDate('23-11-2026')).toBe('2026-11-23');
    expect(parseDanishDate('23.11.2026')).toBe('2026-11-23');
    expect(parseDanishDate('3.2.2026')).toBe('2026-02-03');
    expect(parseDanishDate('23/11/2026')).toBe('2026-11-23');
    expect(parseDanishDate('2026-11-23')).toBe('2026-11-23');
  });
  it('refuses impossible and mixed dates', () => {
    expect(parseDanishDate('29-02-2026')).toBeNull();
    expect(parseDanishDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDanishDate('23-11.2026')).toBeNull();
    expect(parseDanishDate('11/23/2026')).toBeNull();
    expect(parseDanishDate('i går')).toBeNull();
  });
});

describe('CPR detection', () => {
  it('finds ddmmyy-xxxx and ten digits that start with a real date', () => {
    expect(findCpr('010190-1234')).toBe('010190-1234');
    expect(findCpr('0101901234')).toBe('0101901234');
    expect(findCpr('Borger 311299-4321 ringede')).toBe('311299-4321');
    expect(findCpr('290200-1111')).toBe('290200-1111'); // 29 Feb 2000
  });
  it('leaves case numbers, references and impossible dates alone', () => {
    expect(findCpr('2024-000123')).toBeNull();
    expect(findCpr('B0100007')).toBeNull();
    expect(findCpr('3213901234')).toBeNull(); // month 13
    expect(findCpr('290201-1111')).toBeNull(); // 29 Feb in a year not divisible by 4
    expect(findCpr('12345678901')).toBeNull(); // eleven digits
  });
  it('masks the last four digits in messages', () => {
    expect(maskCpr('010190-1234')).toBe('010190-XXXX');
    expect(maskCpr('se 0101901234')).toBe('se 010190-XXXX');
  });
});

describe('columns and mapping', () => {
  it('normalises Danish headers', () => {
    expect(normaliseHeader('\ufeff Leverandør ')).toBe('leverandoer');
    expect(normaliseHeader('Næste opfølgning')).toBe('naeste_opfoelgning');
  });
  it('validates a mapping file', () => {
    expect(validateMapping({ sagsnummer: 'Sagsnr.' }).errors).toEqual([]);
    expect(validateMapping({ cpr: 'CPR' }).errors[0]).toMatch(/ikke en af Flowtavles kolonner/);
    expect(validateMapping(['x']).errors).toHaveLength(1);
  });
  it('uses the mapped header, then the canonical name, and names missing required columns', () => {
    const { columns, errors } = resolveColumns(['Sagsnr.', 'borger_ref', 'Team'], { sagsnummer: 'Sagsnr.' });
    expect(columns.sagsnummer).toBe(0);
    expect(columns.team).toBe(2);
    expect(errors.map((e) => e.column)).toEqual(['borger_initialer', 'sagstype', 'paragraf', 'modtaget']);
    expect(errors[0]).toMatchObject({ row: 1, value: '' });
  });
  it('detects the separator from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1,5",2,3')).toBe(',');
  });
  it('parses paragraphs with and without §', () => {
    expect(parseParagraph('§ 85')).toBe('85');
    expect(parseParagraph('82 a')).toBe('82a');
    expect(parseParagraph('§§')).toBeNull();
  });
  it('makes initials for new caseworkers', () => {
    expect(initialsOf('Mette Kjær Hansen')).toBe('MH');
    expect(initialsOf('Ole')).toBe('OL');
  });
});

describe('parsing an extract', () => {
  it('groups grant rows per case and reads Danish formats', () => {
    const text = [
      HEADER,
      'S-1;B1;AB;Team A;Ida Holm;opfoelgning;§ 85;15.10.2026;Støtte;Bostøtten;intern;512,50;time;7,5;01.01.2026;;01.02.2027',
      'S-1;B1;AB;Team A;Ida Holm;opfoelgning;§ 85;15.10.2026;Gruppe;KFUM;ekstern;1.250,00;uge;;2026-03-01;31-08-2026;',
      'S-2;B2;CD;Team A;;ansoegning;12;2026-11-20;;;;;;;;;',
    ].join('\r\n');
    const parsed = parseExtract(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowCount).toBe(3);
    expect(parsed.cases).toHaveLength(2);
    expect(parsed.cases[0]).toMatchObject({ caseNumber: 'S-1', kind: 'follow_up', paragraph: '85', received: '2026-10-15', caseworker: 'Ida Holm' });
    expect(parsed.cases[0]!.grants).toEqual([
      { paragraph: '85', service: 'Støtte', provider: 'Bostøtten', providerType: 'internal', takst: 512.5, takstUnit: 'hour', quantity: 7.5, startDate: '2026-01-01', endDate: null, nextFollowUp: '2027-02-01' },
      { paragraph: '85', service: 'Gruppe', provider: 'KFUM', providerType: 'external', takst: 1250, takstUnit: 'week', quantity: 1, startDate: '2026-03-01', endDate: '2026-08-31', nextFollowUp: null },
    ]);
    expect(parsed.cases[1]).toMatchObject({ caseNumber: 'S-2', caseworker: null, grants: [] });
  });

  it('gives row-level errors in Danish, counting the header as row 1', () => {
    const text = [
      HEADER,
      'S-1;B1;AB;Team A;;ansoegning;85;31-02-2026;;;;;;;;;',
      '',
      'S-2;B2;CD;Team A;;sag;85;2026-11-20;Støtte;X;intern;mange;time;;2026-01-01;2025-01-01;',
    ].join('\n');
    const { errors, cases } = parseExtract(text);
    expect(cases).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: 'modtaget', value: '31-02-2026', reason: 'Modtagelsesdatoen er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.' },
      { row: 4, column: 'sagstype', value: 'sag', reason: 'Ukendt sagstype. Brug ansoegning, opfoelgning, klage eller opgave.' },
      { row: 4, column: 'takst', value: 'mange', reason: 'Taksten er ikke et tal. Skriv fx 1.234,50.' },
      { row: 4, column: 'omfang', value: '', reason: 'Omfanget (timer pr. uge) mangler for en timetakst.' },
      { row: 4, column: 'slut', value: '2025-01-01', reason: 'Slutdatoen ligger før startdatoen.' },
    ]);
  });

  it('refuses a CPR column whatever its header, masking the number', () => {
    const text = [`${HEADER};note`, 'S-1;B1;AB;Team A;;ansoegning;85;2026-11-20;;;;;;;;;;0101901234'].join('\n');
    const { errors } = parseExtract(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: 'note', value: '010190-XXXX' });
    expect(errors[0]!.reason).toMatch(/CPR-numre/);
  });

  it('refuses rows with the wrong number of fields and conflicting case rows', () => {
    const text = [
      HEADER,
      'S-1;B1;AB;Team A;;ansoegning;85;2026-11-20;;;;;;;;',
      'S-2;B2;CD;Team A;;ansoegning;85;2026-11-20;;;;;;;;;',
      'S-2;B2;CD;Team B;;ansoegning;85;2026-11-20;;;;;;;;;',
    ].join('\n');
    const { errors } = parseExtract(text);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, ''], [4, 'sagsnummer']]);
    expect(errors[0]!.reason).toMatch(/16 felter, men overskriften har 17/);
  });

  it('reports an empty file and an unclosed quote', () => {
    expect(parseExtract('').errors[0]!.reason).toMatch(/tom/);
    expect(parseExtract(`${HEADER}\n`).errors[0]!.reason).toMatch(/ingen rækker/);
    expect(parseExtract(`${HEADER}\n"S-1;B1;AB;Team A;;ansoegning;85;2026-11-20;;;;;;;;;`).errors[0]!.reason).toMatch(/anførselstegn/);
  });
});

describe('export formats', () => {
  it('writes Danish numbers and dates in CSV with BOM and semicolons', () => {
    expect(formatExportNumber(1234.5)).toBe('1.234,5');
    expect(formatExportNumber(6546000)).toBe('6.546.000');
    expect(formatExportNumber(-0.25)).toBe('-0,25');
    expect(exportCellText('2026-11-23')).toBe('23.11.2026');
    const csv = toCsv([{ key: 'a', header: 'Ydelse' }, { key: 'b', header: 'Takst (kr.)' }], [{ a: 'Støtte; "intern"', b: 512.5 }, { a: '=SUM(A1)', b: null }]);
    expect(csv).toBe('\ufeffYdelse;Takst (kr.)\r\n"Støtte; ""intern""";512,5\r\n\'=SUM(A1);\r\n');
  });
});
