// The CPR guard's edges (shared/cpr.ts): the shortest text it reads, the days and months that make
// a birth date, masking in place, and the path of a field inside a method's input.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../shared/messages';
import { cprInInput, cprSaid, findAllCpr, findCpr, maskCpr, stringsIn } from '../../shared/cpr';

describe('what a birth date is', () => {
  it('month 1 to 12 and day 1 to the month\'s last', () => {
    expect(findCpr('010190-1234')).not.toBeNull();
    expect(findCpr('011290-1234')).not.toBeNull();
    expect(findCpr('010090-1234')).toBeNull();
    expect(findCpr('000190-1234')).toBeNull();
    expect(findCpr('310190-1234')).not.toBeNull();
    expect(findCpr('311290-1234')).not.toBeNull();
  });
  it('29 February only in a year divisible by 4, and only February gets the leap day', () => {
    expect(findCpr('290204-1234')).not.toBeNull();
    expect(findCpr('300200-1234')).toBeNull();
    expect(findCpr('310400-1234')).toBeNull();
    expect(findCpr('280201-1234')).not.toBeNull();
  });
});

describe('finding and masking', () => {
  it('a text of exactly ten digits is read; a shorter one never holds a number', () => {
    expect(findAllCpr('0101901234')).toEqual([{ text: '0101901234', masked: '010190-XXXX' }]);
    expect(findAllCpr('010190123')).toEqual([]);
    expect(findAllCpr('')).toEqual([]);
  });
  it('a shape that is no date does not hide the real number just after it', () => {
    expect(findAllCpr('2026 010190-1234')).toEqual([{ text: '010190-1234', masked: '010190-XXXX' }]);
    expect(findCpr('x')).toBeNull();
  });
  it('masks each number in place and keeps the text around it', () => {
    expect(maskCpr('a 010190-1234 b')).toBe('a 010190-XXXX b');
    expect(maskCpr('０１０１９０－１２３４ og 020292 4321.')).toBe('010190-XXXX og 020292-XXXX.');
    expect(maskCpr('intet her')).toBe('intet her');
  });
  it('the refusal is a catalogue message that shows only the masked number, in Danish and English', () => {
    const { key, params } = cprSaid({ text: '010190-1234', masked: '010190-XXXX' });
    expect(renderMessage(key, params, 'da')).toBe('Teksten ser ud til at indeholde et CPR-nummer (010190-XXXX). Flowtavle gemmer aldrig CPR-numre: brug borgerens reference i stedet.');
    expect(renderMessage(key, params, 'en')).toBe('The text seems to contain a CPR number (010190-XXXX). Flowtavle never stores CPR numbers: use the citizen’s reference instead.');
  });
});

describe('strings inside a method input', () => {
  it('gives every string with its dotted path, skipping numbers, booleans and nulls', () => {
    expect([...stringsIn({ a: ['x', { b: 'y' }], c: 5, d: null, e: true, f: { g: 'z' } })]).toEqual([
      { path: 'a.0', text: 'x' }, { path: 'a.1.b', text: 'y' }, { path: 'f.g', text: 'z' },
    ]);
    expect([...stringsIn('top')]).toEqual([{ path: '(input)', text: 'top' }]);
    expect([...stringsIn(null)]).toEqual([]);
  });
  it('the first CPR-shaped string wins, with its field', () => {
    expect(cprInInput({ a: 'ok', b: 'x 010190-1234', c: '020292-4321' })).toEqual({ field: 'b', match: { text: '010190-1234', masked: '010190-XXXX' } });
    expect(cprInInput({ a: 'ok', n: 101901234 })).toBeNull();
  });
});
