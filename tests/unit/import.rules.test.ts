// The extract's rules pinned one by one (issue 20 item 7): every refusal an importing leader
// reads, every length limit at and above, and what makes a re-imported grant "unchanged".
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter, findCpr, GRANT_COLUMNS, grantKey, initialsOf, MAX_REPORTED_ERRORS, nameKey, normaliseHeader, normaliseName, parseCsv,
  parseDanishDate, parseDanishNumber, parseExtract, parseParagraph, REQUIRED_COLUMNS, resolveColumns, sameGrant, validateMapping,
  type CanonicalColumn, type ImportGrant,
} from '../../shared/import';

const COLUMNS: CanonicalColumn[] = [
  'sagsnummer', 'borger_ref', 'borger_initialer', 'team', 'sagsbehandler', 'sagstype', 'paragraf', 'modtaget', 'ydelse', 'leverandoer',
  'leverandoertype', 'takst', 'takstenhed', 'omfang', 'start', 'slut', 'naeste_opfoelgning',
];
const HEADER = COLUMNS.join(';');
const GOOD: Record<string, string> = {
  sagsnummer: 'S-1', borger_ref: 'B1', borger_initialer: 'AB', team: 'Team A', sagsbehandler: 'Ida Holm', sagstype: 'ansoegning',
  paragraf: '85', modtaget: '2026-11-02', ydelse: 'Støtte', leverandoer: 'Bostøtten', leverandoertype: 'intern', takst: '500',
  takstenhed: 'time', omfang: '5', start: '2026-01-01', slut: '', naeste_opfoelgning: '',
};
const line = (over: Record<string, string> = {}, columns: readonly string[] = COLUMNS) =>
  columns.map((c) => ({ ...GOOD, ...over })[c] ?? '').join(';');
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
const errorsOf = (over: Record<string, string>) => parseExtract(file(line(over))).errors;

describe('Danish numbers in an extract', () => {
  it('drops spaces, non-breaking spaces and a trailing kr./DKK in any case', () => {
    expect(parseDanishNumber(' 1 234 ')).toBe(1234);
    expect(parseDanishNumber('1\u00a0234,5')).toBe(1234.5);
    expect(parseDanishNumber('1\u202f234')).toBe(1234);
    expect(parseDanishNumber('500 KR.')).toBe(500);
    expect(parseDanishNumber('500kr')).toBe(500);
    expect(parseDanishNumber('500 dkk')).toBe(500);
    expect(parseDanishNumber('kr500')).toBeNull();
    expect(parseDanishNumber('kr.')).toBeNull();
  });
  it('a dot before exactly three digits groups thousands; before one, two or four digits it is a decimal point', () => {
    expect(parseDanishNumber('12.345')).toBe(12345);
    expect(parseDanishNumber('-1.234')).toBe(-1234);
    expect(parseDanishNumber('1.23')).toBe(1.23);
    expect(parseDanishNumber('1234.5')).toBe(1234.5);
    expect(parseDanishNumber('1.2345')).toBe(1.2345);
    expect(parseDanishNumber('12,5')).toBe(12.5);
    expect(parseDanishNumber('-0,5')).toBe(-0.5);
  });
  it('refuses half numbers, stray text and numbers too large to hold', () => {
    for (const raw of ['-', ',5', '5,', 'x1,5', '1,5x', '1.234x', 'x1.234', 'x12', '12x', '1.234.5', '1,2.3', '12.34.56', '9'.repeat(400)]) {
      expect(parseDanishNumber(raw)).toBeNull();
    }
  });
});

describe('Danish dates in an extract', () => {
  it('reads ISO dates with a time of day after them, and single-digit days and months', () => {
    expect(parseDanishDate('2026-11-23T10:00:00Z')).toBe('2026-11-23');
    expect(parseDanishDate('2026-11-23 10:00')).toBe('2026-11-23');
    expect(parseDanishDate('2026-11-23T10:00:00.123Z')).toBe('2026-11-23');
    expect(parseDanishDate('2026-1-5')).toBe('2026-01-05');
    expect(parseDanishDate(' 5-1-2026 ')).toBe('2026-01-05');
  });
  it('takes years 1900 to 2199 and nothing outside', () => {
    expect(parseDanishDate('1899-12-31')).toBeNull();
    expect(parseDanishDate('1900-01-01')).toBe('1900-01-01');
    expect(parseDanishDate('31.12.2199')).toBe('2199-12-31');
    expect(parseDanishDate('01.01.2200')).toBeNull();
  });
  it('refuses two-digit years and anything around the date', () => {
    for (const raw of ['23.11.26', '2026-11-23x', 'x2026-11-23', '23.11.2026x', 'x23.11.2026', '2026-11-23T10']) expect(parseDanishDate(raw)).toBeNull();
  });
});

describe('names, headers and paragraphs', () => {
  it('finds the CPR number as written, or nothing', () => {
    expect(findCpr('ring 010190-1234 i dag')).toBe('010190-1234');
    expect(findCpr('S-2026-1')).toBeNull();
  });
  it('normalises headers: case, Danish letters and runs of spaces, dots and dashes', () => {
    expect(normaliseHeader('Sags.nr')).toBe('sags_nr');
    expect(normaliseHeader('Borger - ref')).toBe('borger_ref');
    expect(normaliseHeader('ÅR')).toBe('aar');
    expect(normaliseHeader('Æble Øl')).toBe('aeble_oel');
  });
  it('reads paragraphs with §, spaces and capitals, and refuses what is no paragraph', () => {
    expect(parseParagraph('§107')).toBe('107');
    expect(parseParagraph(' § 82 A ')).toBe('82a');
    expect(parseParagraph('95-96')).toBe('95-96');
    expect(parseParagraph('85.1')).toBe('85.1');
    for (const raw of ['1234', '85ab', 'x85', '85.123', '', '§']) expect(parseParagraph(raw)).toBeNull();
  });
  it('one team or person whatever the spacing and case', () => {
    expect(normaliseName('  Team   Bostøtte ')).toBe('Team Bostøtte');
    expect(nameKey(' Team  BOSTØTTE')).toBe('team bostøtte');
  });
  it('initials: first letters of first and last name; one name gives two letters; no letters give "?"', () => {
    expect(initialsOf('')).toBe('?');
    expect(initialsOf('123 456')).toBe('?');
    expect(initialsOf('anna')).toBe('AN');
    expect(initialsOf(' ida  marie holm ')).toBe('IH');
    expect(initialsOf('Ole 2')).toBe('OL');
  });
});

describe('column mapping', () => {
  it('a mapping must be a JSON object', () => {
    for (const raw of [null, 'x', 5, ['x']]) {
      expect(validateMapping(raw)).toEqual({ mapping: {}, errors: ['Kolonnetilknytningen skal være et JSON-objekt: {"sagsnummer": "Sagsnr.", …}'] });
    }
  });
  it('names an unknown column and a column mapped to nothing, and keeps the good ones', () => {
    const { mapping, errors } = validateMapping({ cpr: 'CPR', team: '  ', paragraf: 7, sagsnummer: 'Sagsnr.' });
    expect(mapping).toEqual({ sagsnummer: 'Sagsnr.' });
    expect(errors).toEqual([
      `"cpr" er ikke en af Flowtavles kolonner (sagsnummer, borger_ref, borger_initialer, team, sagsbehandler, sagstype, paragraf, modtaget, ydelse, leverandoer, leverandoertype, takst, takstenhed, omfang, start, slut, naeste_opfoelgning, afgoerelsesdato).`,
      'Kolonnen i filen for "team" skal være en tekst.',
      'Kolonnen i filen for "paragraf" skal være en tekst.',
    ]);
  });
  it('a mapped header missing from the file is named; the first of two equal headers counts; blank headers are skipped', () => {
    const { columns, errors } = resolveColumns(['', 'SAGSNR.', 'borger_ref', 'Borger_ref'], { sagsnummer: 'sagsnr.', team: 'Hold' });
    expect(columns.sagsnummer).toBe(1);
    expect(columns.borger_ref).toBe(2);
    expect(columns.team).toBeNull();
    expect(errors[0]).toEqual({ row: 1, column: 'team', value: 'Hold', reason: 'Kolonnen "Hold", som "team" er knyttet til, findes ikke i filen.' });
    // A required column mapped to a missing header is named once, not twice.
    expect(errors.filter((e) => e.column === 'team')).toHaveLength(1);
    expect(errors[1]).toEqual({ row: 1, column: 'borger_initialer', value: '', reason: 'Filen mangler kolonnen "borger_initialer". Tilknyt den under kolonnetilknytning.' });
  });
  it('every extract needs the seven case columns; grants have ten columns', () => {
    expect(REQUIRED_COLUMNS).toEqual(['sagsnummer', 'borger_ref', 'borger_initialer', 'team', 'sagstype', 'paragraf', 'modtaget']);
    expect(GRANT_COLUMNS).toHaveLength(10);
    expect(MAX_REPORTED_ERRORS).toBe(500);
  });
});

describe('separators and quotes', () => {
  it('picks the separator of the header line: semicolon on a tie, tab over comma, comma over nothing', () => {
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('abc')).toBe(';');
    expect(detectDelimiter('a;b,c')).toBe(';');
    expect(detectDelimiter('a;b\tc')).toBe(';');
    expect(detectDelimiter('a,b\tc\td')).toBe('\t');
    expect(detectDelimiter('a;b\tc\td')).toBe('\t');
    expect(detectDelimiter('a;b,c,d')).toBe(',');
    expect(detectDelimiter('a,b\tc')).toBe(',');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('\ufeffa,b\r\n;;;;')).toBe(',');
  });
  it('an unclosed quote names its row', () => {
    expect(parseCsv('a;b\n1;2\n"3;4\n5;6').problem).toBe('Række 3: et anførselstegn (") er ikke lukket, så resten af filen kan ikke læses sikkert.');
    expect(parseCsv('a;b\n1;2').problem).toBeNull();
  });
  it('an empty file, or a blank header line, is refused with the same message', () => {
    const refusal = [{ row: 1, column: '', value: '', reason: 'Filen er tom: den skal have en overskriftslinje og mindst én række.' }];
    expect(parseExtract('').errors).toEqual(refusal);
    expect(parseExtract(';;;\n1;2;3;4').errors).toEqual(refusal);
    expect(parseExtract(';;;\n1;2;3;4').cases).toEqual([]);
  });
  it('a quote problem refuses the whole file', () => {
    const parsed = parseExtract(file(line(), `"${line()}`));
    expect(parsed.errors).toEqual([{ row: 1, column: '', value: '', reason: 'Række 3: et anførselstegn (") er ikke lukket, så resten af filen kan ikke læses sikkert.' }]);
    expect(parsed.rowCount).toBe(0);
  });
});

describe('CPR numbers in an extract', () => {
  it('a CPR number in a header is named by column position', () => {
    const { errors } = parseExtract(`${HEADER};010190-1234\n${line()};x`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({
      row: 1, column: 'kolonne 18', value: '010190-XXXX',
      reason: 'Feltet ser ud til at indeholde et CPR-nummer. Flowtavle gemmer aldrig CPR-numre: fjern det fra udtrækket (brug borgerens reference i stedet), og importér igen. Intet er importeret.',
    });
  });
  it('a CPR number under a blank header is named by column position', () => {
    expect(parseExtract(`${HEADER};\n${line()};0101901234`).errors[0]).toMatchObject({ row: 2, column: 'kolonne 18', value: '010190-XXXX' });
  });
  it('lists up to 100 fields with CPR numbers and counts the rest', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => line({ sagsnummer: `S-${i}`, ydelse: '0101901234' }));
    const hundred = parseExtract(file(...rows(100))).errors;
    expect(hundred).toHaveLength(100);
    expect(hundred[99]).toMatchObject({ row: 101, column: 'ydelse' });
    const more = parseExtract(file(...rows(102))).errors;
    expect(more).toHaveLength(101);
    expect(more[100]).toEqual({ row: 1, column: '', value: '', reason: 'Yderligere 2 felter ser ud til at indeholde CPR-numre. Intet er importeret.' });
  });
});

describe('rows of an extract', () => {
  it('a file missing a required column stops before the rows, but counts the non-blank rows', () => {
    const header = COLUMNS.filter((c) => c !== 'team');
    const parsed = parseExtract([header.join(';'), line({}, header), '', line({}, header)].join('\n'));
    expect(parsed.errors.map((e) => e.column)).toEqual(['team']);
    expect(parsed).toMatchObject({ rowCount: 2, cases: [], hasGrantColumns: true });
    expect(parsed.columns.sagsnummer).toBe(0);
  });
  it('a file without any grant column leaves grants alone', () => {
    const header = COLUMNS.slice(0, 8);
    const parsed = parseExtract([header.join(';'), line({}, header)].join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.hasGrantColumns).toBe(false);
    expect(parsed.cases[0]!.grants).toEqual([]);
  });
  it('a file with only a header has no rows', () => {
    expect(parseExtract(`${HEADER}\n\n`).errors).toEqual([{ row: 2, column: '', value: '', reason: 'Filen har ingen rækker under overskriften.' }]);
  });
  it('a row with too many fields shows the extra fields and names the separator', () => {
    expect(parseExtract(file(`${line()};x;y`)).errors).toEqual([{
      row: 2, column: '', value: 'x;y', reason: 'Rækken har 19 felter, men overskriften har 17. Tjek skilletegn (semikolon) og anførselstegn.',
    }]);
    const comma = [COLUMNS.join(','), COLUMNS.map(() => 'a').slice(1).join(',')].join('\n');
    expect(parseExtract(comma).errors[0]).toMatchObject({ value: '', reason: expect.stringContaining('(komma)') });
    const tab = [COLUMNS.join('\t'), COLUMNS.map(() => 'a').slice(1).join('\t')].join('\n');
    expect(parseExtract(tab).errors[0]!.reason).toContain('(tabulator)');
  });
  it('names each missing case value', () => {
    expect(errorsOf({ sagsnummer: '', borger_ref: '', borger_initialer: '', team: '', sagstype: '', paragraf: '', modtaget: '' })).toEqual([
      { row: 2, column: 'sagsnummer', value: '', reason: 'Sagsnummer mangler.' },
      { row: 2, column: 'borger_ref', value: '', reason: 'Borgerens reference mangler.' },
      { row: 2, column: 'borger_initialer', value: '', reason: 'Borgerens initialer mangler.' },
      { row: 2, column: 'team', value: '', reason: 'Team mangler.' },
      { row: 2, column: 'sagstype', value: '', reason: 'Sagstype mangler.' },
      { row: 2, column: 'paragraf', value: '', reason: 'Paragraf mangler.' },
      { row: 2, column: 'modtaget', value: '', reason: 'Modtagelsesdatoen mangler.' },
    ]);
  });
  it('length limits: a case number of 50 characters is taken, 51 is too long; initials 10 and 11', () => {
    expect(errorsOf({ sagsnummer: 'x'.repeat(50), borger_initialer: 'y'.repeat(10) })).toEqual([]);
    expect(errorsOf({ sagsnummer: 'x'.repeat(51), borger_initialer: 'y'.repeat(11) })).toEqual([
      { row: 2, column: 'sagsnummer', value: 'x'.repeat(51), reason: 'Sagsnummer er for lang (højst 50 tegn).' },
      { row: 2, column: 'borger_initialer', value: 'y'.repeat(11), reason: 'Borgerens initialer er for lang (højst 10 tegn).' },
    ]);
  });
  it('a caseworker\'s name of 120 characters is taken, 121 is too long', () => {
    expect(errorsOf({ sagsbehandler: 'x'.repeat(120) })).toEqual([]);
    expect(errorsOf({ sagsbehandler: 'x'.repeat(121) })).toEqual([
      { row: 2, column: 'sagsbehandler', value: 'x'.repeat(121), reason: 'Sagsbehandlerens navn er for langt (højst 120 tegn).' },
    ]);
  });
  it('case kinds are read in Danish in any case, with or without ø', () => {
    const kind = (sagstype: string) => parseExtract(file(line({ sagstype }))).cases[0]?.kind;
    expect(['Ansøgning', 'ANSOEGNING', 'opfølgning', 'Opfoelgning', 'klage', 'Opgave'].map(kind)).toEqual(['application', 'application', 'follow_up', 'follow_up', 'complaint', 'task']);
  });
  it('an unknown paragraph is named', () => {
    expect(errorsOf({ paragraf: 'ni' })).toEqual([{ row: 2, column: 'paragraf', value: 'ni', reason: 'Ukendt paragraf. Skriv fx 85, 82a eller 107 (et § foran er tilladt).' }]);
  });
  it('an error names the column as the file calls it', () => {
    const header = COLUMNS.map((c) => (c === 'paragraf' ? 'Lovparagraf' : c));
    const parsed = parseExtract([header.join(';'), line({ paragraf: 'ni' })].join('\n'), { paragraf: 'Lovparagraf' });
    expect(parsed.errors).toMatchObject([{ column: 'Lovparagraf', value: 'ni' }]);
  });
  it('a case is read whole: trimmed values, one-space names, the caseworker and the grant', () => {
    const parsed = parseExtract(file(line({ team: ' Team   A ', sagsbehandler: ' Ida  Holm ', sagsnummer: ' S-1 ' })));
    expect(parsed).toMatchObject({ delimiter: ';', headers: COLUMNS, hasGrantColumns: true, rowCount: 1, errors: [] });
    expect(parsed.cases).toEqual([{
      row: 2, caseNumber: 'S-1', citizenRef: 'B1', citizenInitials: 'AB', team: 'Team A', caseworker: 'Ida Holm', kind: 'application',
      paragraph: '85', received: '2026-11-02',
      grants: [{ paragraph: '85', service: 'Støtte', provider: 'Bostøtten', providerType: 'internal', takst: 500, takstUnit: 'hour', quantity: 5, startDate: '2026-01-01', endDate: null, nextFollowUp: null }],
    }]);
  });
});

describe('grant rows of an extract', () => {
  it('a grant needs its service, provider, provider type, takst, unit and start', () => {
    expect(errorsOf({ ydelse: '', leverandoer: '', leverandoertype: '', takst: '', takstenhed: '', start: '' })).toEqual([
      { row: 2, column: 'ydelse', value: '', reason: 'Ydelsen mangler.' },
      { row: 2, column: 'leverandoer', value: '', reason: 'Leverandøren mangler.' },
      { row: 2, column: 'leverandoertype', value: '', reason: 'Leverandørtypen mangler.' },
      { row: 2, column: 'takst', value: '', reason: 'Taksten mangler.' },
      { row: 2, column: 'takstenhed', value: '', reason: 'Takstenheden mangler.' },
      { row: 2, column: 'start', value: '', reason: 'Startdatoen mangler.' },
    ]);
  });
  it('a row with a grant value in a file without the other grant columns names each missing column', () => {
    const header: CanonicalColumn[] = [...COLUMNS.slice(0, 8), 'omfang'];
    const parsed = parseExtract([header.join(';'), line({ omfang: '3' }, header)].join('\n'));
    expect(parsed.errors.map((e) => [e.column, e.reason])).toEqual(
      ['ydelse', 'leverandoer', 'leverandoertype', 'takst', 'takstenhed', 'start'].map((c) => [c, `Rækken har en bevilling, men filen mangler kolonnen "${c}".`]),
    );
  });
  it('a row with no grant value in a file with grant columns is a case without grants', () => {
    const parsed = parseExtract(file(line({ ydelse: '', leverandoer: '', leverandoertype: '', takst: '', takstenhed: '', omfang: '', start: '' })));
    expect(parsed.errors).toEqual([]);
    expect(parsed.cases[0]!.grants).toEqual([]);
  });
  it('provider types are intern or ekstern in any case', () => {
    expect(parseExtract(file(line({ leverandoertype: 'EKSTERN' }))).cases[0]!.grants[0]!.providerType).toBe('external');
    expect(errorsOf({ leverandoertype: 'privat' })).toEqual([{ row: 2, column: 'leverandoertype', value: 'privat', reason: 'Leverandørtypen skal være intern eller ekstern.' }]);
  });
  it('a takst of 0 is taken, a negative one is refused', () => {
    expect(parseExtract(file(line({ takst: '0' }))).cases[0]!.grants[0]!.takst).toBe(0);
    expect(errorsOf({ takst: '-1,00' })).toEqual([{ row: 2, column: 'takst', value: '-1,00', reason: 'Taksten kan ikke være negativ.' }]);
  });
  it('takst units in Danish, with or without å', () => {
    const unit = (takstenhed: string) => parseExtract(file(line({ takstenhed, omfang: '1' }))).cases[0]?.grants[0]?.takstUnit;
    expect(['Time', 'dag', 'UGE', 'måned', 'maaned', 'år', 'aar'].map(unit)).toEqual(['hour', 'day', 'week', 'month', 'month', 'year', 'year']);
    expect(errorsOf({ takstenhed: 'kvartal' })).toEqual([{ row: 2, column: 'takstenhed', value: 'kvartal', reason: 'Ukendt takstenhed. Brug time, dag, uge, maaned eller aar.' }]);
  });
  it('the quantity of an hourly takst is hours a week: 0 and 168 are taken, 168,5 is not; a blank one is refused', () => {
    const quantity = (omfang: string) => parseExtract(file(line({ omfang }))).cases[0]?.grants[0]?.quantity;
    expect(quantity('0')).toBe(0);
    expect(quantity('168')).toBe(168);
    expect(errorsOf({ omfang: '168,5' })).toEqual([{ row: 2, column: 'omfang', value: '168,5', reason: 'Omfanget er timer pr. uge og kan højst være 168.' }]);
    expect(errorsOf({ omfang: '' })).toEqual([{ row: 2, column: 'omfang', value: '', reason: 'Omfanget (timer pr. uge) mangler for en timetakst.' }]);
  });
  it('a quantity of more than 168 is fine for other units, and a blank one means 1', () => {
    expect(parseExtract(file(line({ takstenhed: 'dag', omfang: '200' }))).cases[0]!.grants[0]!.quantity).toBe(200);
    expect(parseExtract(file(line({ takstenhed: 'dag', omfang: '' }))).cases[0]!.grants[0]!.quantity).toBe(1);
  });
  it('a quantity that is no number or is negative is refused', () => {
    expect(errorsOf({ omfang: 'lidt' })).toEqual([{ row: 2, column: 'omfang', value: 'lidt', reason: 'Omfanget er ikke et tal. Skriv fx 7,5.' }]);
    expect(errorsOf({ omfang: '-1' })).toEqual([{ row: 2, column: 'omfang', value: '-1', reason: 'Omfanget kan ikke være negativt.' }]);
  });
  it('an end on the start day is taken, the day before is refused; bad end and follow-up dates are named', () => {
    expect(errorsOf({ start: '2026-01-01', slut: '2026-01-01' })).toEqual([]);
    expect(errorsOf({ start: '2026-01-02', slut: '2026-01-01' })).toEqual([{ row: 2, column: 'slut', value: '2026-01-01', reason: 'Slutdatoen ligger før startdatoen.' }]);
    expect(errorsOf({ slut: 'snart', naeste_opfoelgning: '32.01.2027' })).toEqual([
      { row: 2, column: 'slut', value: 'snart', reason: 'Slutdatoen er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.' },
      { row: 2, column: 'naeste_opfoelgning', value: '32.01.2027', reason: 'Næste opfølgning er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.' },
    ]);
  });
  it('the decision day is read when the file has the column, and left out when it is blank or absent', () => {
    const header = [...COLUMNS, 'afgoerelsesdato'];
    const grant = (decided: string) => parseExtract([header.join(';'), `${line()};${decided}`].join('\n')).cases[0]!.grants[0]!;
    expect(grant('15.01.2026').decidedDate).toBe('2026-01-15');
    expect('decidedDate' in grant('')).toBe(false);
    expect(parseExtract([header.join(';'), `${line()};i går`].join('\n')).errors).toEqual([
      { row: 2, column: 'afgoerelsesdato', value: 'i går', reason: 'Afgørelsesdatoen er ikke en gyldig dato. Brug fx 23-11-2026, 23.11.2026 eller 2026-11-23.' },
    ]);
  });
});

describe('one case on several rows', () => {
  it('a citizen must have the same initials on every row', () => {
    const parsed = parseExtract(file(line(), line({ sagsnummer: 'S-2', borger_initialer: 'XY' })));
    expect(parsed.errors).toEqual([{ row: 3, column: 'borger_initialer', value: 'XY', reason: 'Borgeren B1 har andre initialer (AB) i række 2.' }]);
    expect(parseExtract(file(line(), line({ sagsnummer: 'S-2' }))).cases.map((c) => c.caseNumber)).toEqual(['S-1', 'S-2']);
  });
  it('rows of one case must agree on the case, whatever the case of the team and caseworker names', () => {
    const parsed = parseExtract(file(line(), line({ team: 'TEAM A', sagsbehandler: 'ida holm', ydelse: 'Gruppe' })));
    expect(parsed.errors).toEqual([]);
    expect(parsed.cases[0]!.grants.map((g) => g.service)).toEqual(['Støtte', 'Gruppe']);
    expect(parseExtract(file(line(), line({ sagsbehandler: 'Bo Dahl', ydelse: 'Gruppe' }))).errors).toEqual([{
      row: 3, column: 'sagsnummer', value: 'S-1',
      reason: 'Sagen står også i række 2 med andre oplysninger om borger, team, sagsbehandler, sagstype, paragraf eller modtagelsesdato. En sag med flere bevillinger skal have de samme sagsoplysninger på hver række.',
    }]);
  });
  it('an extra row of a case must carry a grant', () => {
    const noGrant = { ydelse: '', leverandoer: '', leverandoertype: '', takst: '', takstenhed: '', omfang: '', start: '' };
    expect(parseExtract(file(line(), line(noGrant))).errors).toEqual([
      { row: 3, column: 'ydelse', value: '', reason: 'Sagen står også i række 2; en ekstra række for samme sag skal have en bevilling.' },
    ]);
  });
  it('the same grant twice in one extract is refused, even with other hours', () => {
    expect(parseExtract(file(line(), line({ omfang: '9' }))).errors).toEqual([
      { row: 3, column: 'ydelse', value: 'Støtte', reason: 'Den samme bevilling (paragraf, ydelse, leverandør og startdato) står to gange for sagen.' },
    ]);
    expect(parseExtract(file(line(), line({ start: '2026-02-01' }))).cases[0]!.grants).toHaveLength(2);
  });
  it('a citizen\'s initials are checked against the first row that named them', () => {
    const parsed = parseExtract(file(line(), line({ sagsnummer: 'S-2' }), line({ sagsnummer: 'S-3', borger_initialer: 'XY' })));
    expect(parsed.errors).toEqual([{ row: 4, column: 'borger_initialer', value: 'XY', reason: 'Borgeren B1 har andre initialer (AB) i række 2.' }]);
  });
  it('a grant repeated after two others of the same case is still the same grant twice', () => {
    const parsed = parseExtract(file(line(), line({ start: '2026-02-01' }), line({ omfang: '9' })));
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([[4, 'ydelse']]);
  });
  it('a file refused for a CPR number in its header is not also called empty', () => {
    expect(parseExtract(`${HEADER};010190-1234\n`).errors).toHaveLength(1);
  });
  it('a row with errors gives no cases at all, not even the good ones', () => {
    const parsed = parseExtract(file(line(), line({ sagsnummer: 'S-2', modtaget: '' })));
    expect(parsed.cases).toEqual([]);
    expect(parsed.rowCount).toBe(2);
  });
});

describe('a re-imported grant', () => {
  const g: ImportGrant = {
    paragraph: '85', service: 'Støtte', provider: 'Bostøtten', providerType: 'internal', takst: 500, takstUnit: 'hour', quantity: 5,
    startDate: '2026-01-01', endDate: null, nextFollowUp: null,
  };
  it('is identified by paragraph, service, provider and start day', () => {
    expect(grantKey(g)).toBe('["85","Støtte","Bostøtten","2026-01-01"]');
  });
  it('is unchanged when every value is the same, and a takst within half an øre is the same', () => {
    expect(sameGrant(g, { ...g })).toBe(true);
    expect(sameGrant(g, { ...g, takst: 500.004 })).toBe(true);
    expect(sameGrant(g, { ...g, takst: 499.996 })).toBe(true);
  });
  it('a takst exactly half an øre off, or hours off by the smallest step counted, is a change', () => {
    expect(sameGrant({ ...g, takst: 0 }, { ...g, takst: 0.005 })).toBe(false);
    expect(sameGrant({ ...g, quantity: 0 }, { ...g, quantity: 1e-9 })).toBe(false);
  });
  it('a re-import with new hours, end date, unit, provider type, takst, follow-up or key is a change', () => {
    const changes: Partial<ImportGrant>[] = [
      { quantity: 6 }, { quantity: 4 }, { endDate: '2026-12-31' }, { takstUnit: 'day' }, { providerType: 'external' }, { takst: 500.01 },
      { takst: 499.99 }, { nextFollowUp: '2027-01-01' }, { service: 'Gruppe' }, { startDate: '2026-01-02' },
    ];
    expect(changes.map((c) => sameGrant(g, { ...g, ...c }))).toEqual(changes.map(() => false));
  });
});
