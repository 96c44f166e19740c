// The finance system's extract (shared/finance.ts): Danish formats through the one amount
// parser, the team by its name in the store, refusals naming the line, the file refused whole,
// and the rule that marks a month for attention.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareMonth, FINANCE_ATTENTION_OERE, financeAttention, parseFinanceExtract,
} from '../../shared/finance';

const TEAMS = [
  { id: 1, name: 'Team Botilbud' },
  { id: 2, name: 'Team BPA' },
  { id: 3, name: 'Team Bostøtte' },
  { id: 6, name: 'Team Merudgifter' },
];
const HEADER = 'aar;maaned;konto;team;beloeb';
const parse = (lines: string[]) => parseFinanceExtract(lines.join('\n'), TEAMS);

describe('reading the finance extract', () => {
  it('reads the sample of docs/import.md: Danish headers, BOM, CRLF, Danish amounts, a correction summed with its line', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/finance/bogfoering.csv'), 'utf8');
    const parsed = parseFinanceExtract(text, TEAMS);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rowCount).toBe(6);
    expect(parsed.rows.map((r) => [r.row, r.account, r.teamId, r.amountOere])).toEqual([
      [2, '5.38.50', 1, 3_124_511_840],
      [3, '5.38.52', 1, 1_840_299_000],
      [4, '5.38.38', 3, 1_091_244_725],
      [5, '5.38.38', 3, -215_050],
      [6, '5.38.38', 2, 980_411_200],
      [7, '5.57.72', 6, 49_830_000],
    ]);
    // The correction of line 5 belongs to line 4's year, month, account and team: one booking.
    const bostoette = parsed.bookings.filter((b) => b.teamId === 3);
    expect(bostoette).toEqual([{ year: 2026, month: 10, account: '5.38.38', teamId: 3, amountOere: 1_091_244_725 - 215_050, rows: [4, 5] }]);
    expect(parsed.bookings).toHaveLength(5);
  });

  it('reads every amount through the one Danish parser: 2.150,00, 2150, -2 150,5, 1.234.567,89 kr., 2150.5', () => {
    const parsed = parse([
      HEADER,
      '2026;1;5.38.50;Team Botilbud;2.150,00',
      '2026;2;5.38.50;Team Botilbud;2150',
      '2026;3;5.38.50;Team Botilbud;-2 150,5',
      '2026;4;5.38.50;Team Botilbud;1.234.567,89 kr.',
      '2026;5;5.38.50;Team Botilbud;2150.5',
      '2026;06;5.38.50;Team Botilbud;0',
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.month, r.amountOere])).toEqual([[1, 215_000], [2, 215_000], [3, -215_050], [4, 123_456_789], [5, 215_050], [6, 0]]);
  });

  it('takes , as the separator (amounts with a decimal comma in quotes) and names the team regardless of case and spacing', () => {
    const parsed = parseFinanceExtract(['År,Måned,Funktion,Team,Beløb', '2026,7,5.38.38,"team  BOSTØTTE ","10.000,25"', '2026,7,5.38.38,Team BPA,-500'].join('\r\n'), TEAMS);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((r) => [r.teamId, r.amountOere])).toEqual([[3, 1_000_025], [2, -50_000]]);
  });

  it('names the line, the column and the value of every wrong row, counting blank lines, and keeps nothing', () => {
    const parsed = parse([
      HEADER,
      '2026;1;5.38.50;Team Botilbud;1.000,00',
      '',
      '2026;13;5.38.50;Team Botilbud;1.000,00',
      '2026;2;53850;Team Botilbud;1.000,00',
      '2026;2;5.38.50;Team Ukendt;1.000,00',
      '2026;2;5.38.50;Team Botilbud;tusind',
      '26;2;5.38.50;Team Botilbud;1.000,005',
      '2026;2;5.38.50;Team Botilbud',
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.bookings).toEqual([]);
    expect(parsed.totalErrors).toBe(7);
    expect(parsed.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, 'maaned', '13'],
      [5, 'konto', '53850'],
      [6, 'team', 'Team Ukendt'],
      [7, 'beloeb', 'tusind'],
      [8, 'aar', '26'],
      [8, 'beloeb', '1.000,005'],
      [9, '', ''],
    ]);
    const reasons = parsed.errors.map((e) => e.reason);
    expect(reasons[0]).toBe('Måneden skal være et tal fra 1 til 12 (fik "13").');
    expect(reasons[1]).toContain('på formen d.dd.dd, fx 5.38.50');
    expect(reasons[2]).toBe('Ukendt team "Team Ukendt". Brug teamets navn, som det står i Flowtavle: Team Botilbud, Team BPA, Team Bostøtte, Team Merudgifter.');
    expect(reasons[3]).toBe('Beløbet kan ikke læses: "tusind" er ikke et beløb. Skriv fx 2.150,00 eller 2150.');
    expect(reasons[4]).toContain('årstal med fire cifre');
    expect(reasons[5]).toContain('mere end to decimaler');
    expect(reasons[6]).toBe('Rækken har 4 felter, men overskriften har 5. Tjek skilletegn (semikolon) og anførselstegn.');
  });

  it('refuses a file without one of the columns, naming it on row 1', () => {
    const parsed = parse(['aar;konto;team;beloeb', '2026;5.38.50;Team Botilbud;1.000,00']);
    expect(parsed.errors).toEqual([{
      row: 1, column: 'maaned', value: '',
      reason: 'Filen mangler kolonnen "maaned". Overskriften skal have kolonnerne aar, maaned, konto, team, beloeb (se docs/import.md).',
    }]);
    expect(parsed.rowCount).toBe(1);
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(parse(['']).errors[0]).toMatchObject({ row: 1, reason: expect.stringContaining('Filen er tom') as unknown as string });
    expect(parse([HEADER]).errors).toEqual([{ row: 2, column: '', value: '', reason: 'Filen har ingen rækker under overskriften.' }]);
  });

  it('refuses a CPR number in any cell, masked, but reads a ten-digit amount as an amount', () => {
    const withCpr = parse(['aar;maaned;konto;team;beloeb;tekst', '2026;3;5.38.50;Team Botilbud;1.000,00;Borger 010190-1234']);
    expect(withCpr.errors).toHaveLength(1);
    expect(withCpr.errors[0]).toMatchObject({ row: 2, column: 'tekst', value: 'Borger 010190-XXXX' });
    expect(withCpr.errors[0]!.reason).toContain('CPR-nummer');
    const tenMillion = parse([HEADER, '2026;3;5.38.50;Team Botilbud;1010901234']);
    expect(tenMillion.errors).toEqual([]);
    expect(tenMillion.rows[0]!.amountOere).toBe(101_090_123_400);
  });
});

describe('the months that call for attention', () => {
  it('marks a difference over both 5 % and 50.000 kr., in either direction', () => {
    const grant = 10_000_000_00; // 10 mio. kr.
    expect(financeAttention(grant + 60_000_000, grant)).toBe('booked_higher'); // +600.000 kr. = 6 %
    expect(financeAttention(grant - 60_000_000, grant)).toBe('booked_lower');
    expect(financeAttention(grant + 40_000_000, grant)).toBeNull(); // 4 %: within the share
    // A small team's month: 20 % but only 40.000 kr.
    expect(financeAttention(24_000_000, 20_000_000)).toBeNull();
    // Exactly at the amount is not over it; one øre more is.
    expect(financeAttention(FINANCE_ATTENTION_OERE, 0)).toBeNull();
    expect(financeAttention(FINANCE_ATTENTION_OERE + 1, 0)).toBe('booked_higher');
    // Exactly 5 % is not over it.
    expect(financeAttention(2_100_000_00, 2_000_000_00)).toBeNull();
    expect(financeAttention(2_100_000_01, 2_000_000_00)).toBe('booked_higher');
  });

  it('compares a booked month and leaves an unbooked one without difference', () => {
    expect(compareMonth(3, 1_070_000_00, 1_000_000_00)).toEqual({ month: 3, booked: 1_070_000_00, grantBased: 1_000_000_00, difference: 70_000_00, attention: 'booked_higher' });
    expect(compareMonth(12, null, 1_000_000_00)).toEqual({ month: 12, booked: null, grantBased: 1_000_000_00, difference: null, attention: null });
  });
});

describe('the finance extract\'s rules at their boundaries', () => {
  const row = (over: Partial<Record<'aar' | 'maaned' | 'konto' | 'team' | 'beloeb', string>> = {}) => {
    const r = { aar: '2026', maaned: '3', konto: '5.38.50', team: 'Team Botilbud', beloeb: '100', ...over };
    return [r.aar, r.maaned, r.konto, r.team, r.beloeb].join(';');
  };
  const reasonsOf = (lines: string[]) => parse(lines).errors.map((e) => [e.column, e.value, e.reason]);

  it('knows each column by its other names too: regnskabsår, periode, konto/funktion, kontonummer, bogført', () => {
    for (const header of ['Regnskabsår;Periode;Konto/funktion;Team;Bogført', 'aar;maaned;Kontonummer;team;beloeb', 'aar;maaned;funktion;team;beloeb', 'AAR;MAANED;KONTO;TEAM;BELOEB']) {
      const parsed = parse([header, row()]);
      expect(parsed.errors, header).toEqual([]);
      expect(parsed.rows, header).toEqual([{ row: 2, year: 2026, month: 3, account: '5.38.50', teamId: 1, amountOere: 10_000 }]);
    }
  });

  it('reads the first of two columns with the same name, and keeps the headers as given (a BOM in a quoted header removed)', () => {
    const parsed = parse(['"\ufeffaar";maaned;konto;team;beloeb;beloeb', `${row()};999`]);
    expect(parsed.headers).toEqual(['aar', 'maaned', 'konto', 'team', 'beloeb', 'beloeb']);
    expect(parsed.rows.map((r) => r.amountOere)).toEqual([10_000]);
    expect(parse(['aar;maaned;konto;team;beloeb;;x y', `${row()};;`]).errors).toEqual([]);
  });

  it('a year from 2000 to 2100 with four digits, a month from 1 to 12', () => {
    const ok = parse([HEADER, row({ aar: '2000', maaned: '1' }), row({ aar: '2100', maaned: '12' }), row({ maaned: '09' })]);
    expect(ok.errors).toEqual([]);
    expect(ok.rows.map((r) => [r.year, r.month])).toEqual([[2000, 1], [2100, 12], [2026, 9]]);
    expect(reasonsOf([HEADER, row({ aar: '1999' }), row({ aar: '2101' }), row({ aar: '20266' }), row({ maaned: '0' }), row({ maaned: '13' }), row({ maaned: '123' }), row({ maaned: '3.' })])).toEqual([
      ['aar', '1999', 'Året skal være et årstal med fire cifre mellem 2000 og 2100, fx 2026 (fik "1999").'],
      ['aar', '2101', 'Året skal være et årstal med fire cifre mellem 2000 og 2100, fx 2026 (fik "2101").'],
      ['aar', '20266', 'Året skal være et årstal med fire cifre mellem 2000 og 2100, fx 2026 (fik "20266").'],
      ['maaned', '0', 'Måneden skal være et tal fra 1 til 12 (fik "0").'],
      ['maaned', '13', 'Måneden skal være et tal fra 1 til 12 (fik "13").'],
      ['maaned', '123', 'Måneden skal være et tal fra 1 til 12 (fik "123").'],
      ['maaned', '3.', 'Måneden skal være et tal fra 1 til 12 (fik "3.").'],
    ]);
  });

  it('names each missing field of a row', () => {
    expect(reasonsOf([`${HEADER};note`, ' ;;;;;kun en note'])).toEqual([
      ['aar', '', 'Året mangler.'],
      ['maaned', '', 'Måneden mangler.'],
      ['konto', '', 'Kontoen mangler.'],
      ['team', '', 'Teamet mangler.'],
      ['beloeb', '', 'Beløbet kan ikke læses: Skriv et beløb, fx 2.150,00.'],
    ]);
  });

  it('an account is exactly d.dd.dd', () => {
    expect(parse([HEADER, row({ konto: ' 5.38.50 ' })]).rows[0]!.account).toBe('5.38.50');
    expect(reasonsOf([HEADER, row({ konto: '5.38.501' }), row({ konto: '15.38.50' }), row({ konto: '5.3.50' }), row({ konto: '5,38,50' })]).map((r) => r[1])).toEqual(['5.38.501', '15.38.50', '5.3.50', '5,38,50']);
  });

  it('a team name of up to 120 characters is looked up; a longer one is refused as too long', () => {
    const teams = [{ id: 9, name: 'T'.repeat(120) }];
    expect(parseFinanceExtract([HEADER, row({ team: 'T'.repeat(120) })].join('\n'), teams).rows.map((r) => r.teamId)).toEqual([9]);
    expect(parseFinanceExtract([HEADER, row({ team: 'T'.repeat(121) })].join('\n'), teams).errors.map((e) => e.reason)).toEqual(['Teamets navn er for langt (højst 120 tegn).']);
  });

  it('a row with too many fields shows what is extra; the separator is named as the file has it', () => {
    expect(parse([HEADER, `${row()};ekstra;mere`]).errors).toEqual([
      { row: 2, column: '', value: 'ekstra;mere', reason: 'Rækken har 7 felter, men overskriften har 5. Tjek skilletegn (semikolon) og anførselstegn.' },
    ]);
    const comma = parseFinanceExtract(['aar,maaned,konto,team,beloeb', '2026,3,5.38.50,Team Botilbud'].join('\n'), TEAMS);
    expect(comma.errors.map((e) => [e.value, e.reason])).toEqual([['', 'Rækken har 4 felter, men overskriften har 5. Tjek skilletegn (komma) og anførselstegn.']]);
    const tab = parseFinanceExtract(['aar\tmaaned\tkonto\tteam\tbeloeb', '2026\t3\t5.38.50\tTeam Botilbud\t1\tx'].join('\n'), TEAMS);
    expect(tab.errors.map((e) => [e.value, e.reason])).toEqual([['x', 'Rækken har 6 felter, men overskriften har 5. Tjek skilletegn (tabulator) og anførselstegn.']]);
  });

  it('refuses a CPR number in the header or in an amount cell that is no amount, and stops reading that row', () => {
    const header = parse(['aar;maaned;konto;team;beloeb;010190-1234', `${row()};x`]);
    expect(header.headers[5]).toBe('010190-XXXX');
    expect(header.errors.map((e) => [e.row, e.column, e.value])).toEqual([[1, 'kolonne 6', '010190-XXXX']]);
    expect(header.errors[0]!.reason).toBe('Feltet ser ud til at indeholde et CPR-nummer. Flowtavle gemmer aldrig CPR-numre: tag udtrækket uden personoplysninger, og importér igen. Intet er importeret.');
    const amount = parse([HEADER, row({ beloeb: '010190-1234', maaned: '13' })]);
    expect(amount.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, 'beloeb', '010190-XXXX']]);
    const unnamed = parse(['aar;maaned;konto;team;beloeb;', `${row()};0101901234`]);
    expect(unnamed.errors.map((e) => [e.column, e.value])).toEqual([['kolonne 6', '010190-XXXX']]);
  });

  it('an unclosed quote refuses the file on row 1', () => {
    const parsed = parse([HEADER, '2026;3;5.38.50;"Team Botilbud;100']);
    expect(parsed.errors).toEqual([{ row: 1, column: '', value: '', reason: expect.stringContaining('anførselstegn') as unknown as string }]);
    expect(parsed.rowCount).toBe(0);
    expect(parse(['  ;  ', row()]).errors[0]!.reason).toBe('Filen er tom: den skal have en overskriftslinje og mindst én række.');
  });

  it('reports at most 500 problems but counts them all', () => {
    const parsed = parse([HEADER, ...Array.from({ length: 501 }, () => row({ maaned: '13' }))]);
    expect(parsed.errors).toHaveLength(500);
    expect(parsed.totalErrors).toBe(501);
    expect(parsed.rowCount).toBe(501);
  });

  it('sums rows only of the same year, month, account and team into one booking', () => {
    const parsed = parse([HEADER, row(), row({ beloeb: '-25' }), row({ aar: '2025' }), row({ maaned: '4' }), row({ konto: '5.38.52' }), row({ team: 'Team BPA' })]);
    expect(parsed.bookings).toEqual([
      { year: 2026, month: 3, account: '5.38.50', teamId: 1, amountOere: 7_500, rows: [2, 3] },
      { year: 2025, month: 3, account: '5.38.50', teamId: 1, amountOere: 10_000, rows: [4] },
      { year: 2026, month: 4, account: '5.38.50', teamId: 1, amountOere: 10_000, rows: [5] },
      { year: 2026, month: 3, account: '5.38.52', teamId: 1, amountOere: 10_000, rows: [6] },
      { year: 2026, month: 3, account: '5.38.50', teamId: 2, amountOere: 10_000, rows: [7] },
    ]);
  });

  it('measures the 5 % against a negative grant-based month by its size', () => {
    // Grant-based −10 mio. kr. (corrections), booked 600.000 kr. more: 6 % of 10 mio. and over 50.000 kr.
    expect(financeAttention(-1_000_000_000 + 60_000_000, -1_000_000_000)).toBe('booked_higher');
    expect(financeAttention(-1_000_000_000 - 40_000_000, -1_000_000_000)).toBeNull();
    expect(financeAttention(-(FINANCE_ATTENTION_OERE + 1), 0)).toBe('booked_lower');
    expect(financeAttention(-FINANCE_ATTENTION_OERE, 0)).toBeNull();
  });
});
