// The one CPR guard (shared/cpr.ts): every notation a case-system extract or a hurried caseworker
// produces is caught, alone or inside text; case numbers, phone numbers, amounts and dates pass.
import { describe, expect, it } from 'vitest';
import { cprInInput, findAllCpr, findCpr, maskCpr } from '../../shared/cpr';

const NOTATIONS = [
  '010190-1234',
  '0101901234',
  '01.01.90-1234',
  '010190/1234',
  '010190–1234', // en dash
  '010190—1234', // em dash
  '01 01 90 1234',
  '010190_1234',
  '010190 - 1234',
  '０１０１９０－１２３４', // full-width digits and hyphen
  '０１０１９０１２３４',
];

const NOT_CPR = [
  '2026-000250',
  'Sag 2026-000250 flyttet fra 2025-000182',
  '12345678',
  'Ring på 20 30 40 50 eller +45 20304050',
  '+4520304050',
  '2.150,00',
  '2 150,5 kr.',
  '1.096.000.000 kr.',
  '1.096,0 mio. kr.',
  '01.12.2026',
  'fra 01.12.2026 til 31.12.2026',
  'B0100007',
  'kl. 10.00-12.00',
  'CVR 12345678',
  '1234567890', // month 34
  '3213901234', // day 32, month 13
  '011390-1234', // month 13
  '320190-1234', // day 32
  '300290-1234', // 30 February
  '290201-1111', // 29 February in a year not divisible by 4
  '12345678901', // eleven digits
  '20260001234',
  '0,0101901234', // a decimal fraction
  'Bevilling § 85, 5 timer/uge, takst 450,00',
];

describe('findCpr', () => {
  it.each(NOTATIONS)('finds %s alone', (text) => {
    expect(findCpr(text)?.masked).toBe('010190-XXXX');
  });

  it.each(NOTATIONS)('finds %s inside running text', (text) => {
    expect(findCpr(`Borgeren (${text}) ringede i går.`)?.masked).toBe('010190-XXXX');
    expect(findCpr(`note:${text}.`)?.masked).toBe('010190-XXXX');
  });

  it.each(NOT_CPR)('lets %s pass', (text) => {
    expect(findCpr(text)).toBeNull();
  });

  it('accepts 29 February when the two-digit year is divisible by 4, and the last day of each month', () => {
    expect(findCpr('290200-1234')?.masked).toBe('290200-XXXX');
    expect(findCpr('290296-1234')?.masked).toBe('290296-XXXX');
    expect(findCpr('311299-9999')?.masked).toBe('311299-XXXX');
    expect(findCpr('300490-1234')?.masked).toBe('300490-XXXX');
    expect(findCpr('310490-1234')).toBeNull();
  });

  it('needs no modulus-11 check: numbers issued since 2007 need not pass it', () => {
    expect(findCpr('010190-1230')).not.toBeNull();
    expect(findCpr('010190-1231')).not.toBeNull();
  });

  it('finds every number in a text and masks them all', () => {
    expect(findAllCpr('a 010190-1234 b 02.02.92 4321').map((m) => m.masked)).toEqual(['010190-XXXX', '020292-XXXX']);
    expect(maskCpr('a 010190-1234 b 0202924321 c 2026-000250')).toBe('a 010190-XXXX b 020292-XXXX c 2026-000250');
  });
});

describe('cprInInput', () => {
  it('names the field of the first CPR-shaped text anywhere in a method input', () => {
    expect(cprInInput({ caseId: 4, notes: 'ok', grants: [{ service: 'Bostøtte' }, { service: 'cpr 0101901234' }] })).toMatchObject({
      field: 'grants.1.service',
      match: { masked: '010190-XXXX' },
    });
    expect(cprInInput({ caseId: 4, notes: 'Sag 2026-000250, 5 timer' })).toBeNull();
    expect(cprInInput('01 01 90 1234')).toMatchObject({ field: '(input)' });
  });
});

describe('the import refuses every notation with a row-level error', () => {
  it('names each row and column that holds one, masked, and imports nothing', async () => {
    const { parseExtract } = await import('../../shared/import');
    const header = 'sagsnummer;borger_ref;borger_initialer;team;sagsbehandler;sagstype;paragraf;modtaget';
    const rows = NOTATIONS.map((cpr, i) => `IMP-2026-${String(i + 1).padStart(4, '0')};X90000${String(i + 10)};AB;Team Bostøtte;Mette Kjær;ansoegning;85;02-11-2026 ${cpr}`);
    // The last field is a date with a CPR number after it: a hurried note in the wrong column.
    const parsed = parseExtract([header, ...rows, 'IMP-2026-0099;X9000099;CD;Team Bostøtte;Mette Kjær;ansoegning;85;02-11-2026'].join('\n'));
    const cprErrors = parsed.errors.filter((e) => /CPR-nummer/.test(e.reason));
    expect(cprErrors.map((e) => e.row)).toEqual(NOTATIONS.map((_, i) => i + 2));
    expect(cprErrors.every((e) => e.column === 'modtaget' && e.value.includes('010190-XXXX') && !/1234/.test(e.value))).toBe(true);
    expect(parsed.cases).toEqual([]);
  });
});
