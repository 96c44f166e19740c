// Numbers typed in Danish (shared/danishNumber.ts): what the hours, weights, counts and limits of
// every form accept, refuse and show, whatever the browser's own locale is.
import { describe, expect, it } from 'vitest';
import { checkDanishNumber, formatDanishNumber, parseDanishNumber, parseLocaleNumber } from '../../shared/danishNumber';

describe('reading a Danish number', () => {
  it('takes the comma as the decimal mark and points or spaces as thousands', () => {
    expect(parseDanishNumber('2.150,00')).toBe(2150);
    expect(parseDanishNumber('2150')).toBe(2150);
    expect(parseDanishNumber('2150,5')).toBe(2150.5);
    expect(parseDanishNumber('2 150,25')).toBe(2150.25);
    expect(parseDanishNumber('2\u00a0150')).toBe(2150);
    expect(parseDanishNumber('1.234.567,891')).toBe(1234567.891);
    expect(parseDanishNumber('  37,5 ')).toBe(37.5);
    expect(parseDanishNumber('0,5')).toBe(0.5);
    expect(parseDanishNumber(',5')).toBe(0.5);
    expect(parseDanishNumber('0')).toBe(0);
  });

  it('reads "2.150" as two thousand, and a point with one or two digits after it as a pasted decimal point', () => {
    expect(parseDanishNumber('2.150')).toBe(2150);
    expect(parseDanishNumber('2150.5')).toBe(2150.5);
    expect(parseDanishNumber('1.50')).toBe(1.5);
  });

  it('reads a minus, also the typographic one, and gives no negative zero', () => {
    expect(parseDanishNumber('-1.250')).toBe(-1250);
    expect(parseDanishNumber('−2,5')).toBe(-2.5);
    expect(Object.is(parseDanishNumber('-0'), 0)).toBe(true);
  });

  it('refuses what is not a number: empty, groups not of three, two decimal marks, letters, signs alone', () => {
    for (const junk of ['', '   ', '1.2.3', '12,345,6', '2,150.00', '1.23,4', '12.34.567', 'abc', '12a', '1e3', '-', ',', '2,', '--2', '+2', '0x10', 'Infinity', '1.2345']) {
      expect(parseDanishNumber(junk), junk).toBeNull();
    }
  });

  it('refuses a number too large to count exactly', () => {
    expect(parseDanishNumber('9007199254740991')).toBe(9007199254740991);
    expect(parseDanishNumber('99999999999999999')).toBeNull();
  });

  it('in English swaps the marks, and takes a Danish decimal comma with one or two digits', () => {
    expect(parseLocaleNumber('2,150.00', 'en')).toBe(2150);
    expect(parseLocaleNumber('2150.5', 'en')).toBe(2150.5);
    expect(parseLocaleNumber('2,150', 'en')).toBe(2150);
    expect(parseLocaleNumber('2150,5', 'en')).toBe(2150.5);
    expect(parseLocaleNumber('2.150,00', 'en')).toBeNull();
    expect(parseLocaleNumber('2.150,00', 'da')).toBe(2150);
  });
});

describe('writing a number back', () => {
  it('groups thousands and shows the decimals the number has, or those asked for', () => {
    expect(formatDanishNumber(2150)).toBe('2.150');
    expect(formatDanishNumber(2150, 'da', 2)).toBe('2.150,00');
    expect(formatDanishNumber(2150.5)).toBe('2.150,5');
    expect(formatDanishNumber(37.25)).toBe('37,25');
    expect(formatDanishNumber(-1250)).toBe('-1.250');
    expect(formatDanishNumber(2150.5, 'en')).toBe('2,150.5');
    expect(formatDanishNumber(0.1 + 0.2)).toBe('0,3');
  });

  it('reads back what it writes', () => {
    for (const n of [0, 1, 7, 37.5, 168, 2150, 2150.25, 1234567.5, -1250]) {
      expect(parseDanishNumber(formatDanishNumber(n))).toBe(n);
      expect(parseLocaleNumber(formatDanishNumber(n, 'en'), 'en')).toBe(n);
    }
  });
});

describe('a field\'s rules', () => {
  it('lets an empty optional field be no number, and refuses an empty required one', () => {
    expect(checkDanishNumber('')).toEqual({ ok: true, value: null });
    expect(checkDanishNumber(' ', { required: true })).toEqual({ ok: false, problem: 'required' });
  });

  it('says which rule a number broke, with its bound', () => {
    expect(checkDanishNumber('abc')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkDanishNumber('2,5', { decimals: 0 })).toEqual({ ok: false, problem: 'whole' });
    expect(checkDanishNumber('2,555', { decimals: 2 })).toEqual({ ok: false, problem: 'decimals', decimals: 2 });
    expect(checkDanishNumber('0', { min: 1 })).toEqual({ ok: false, problem: 'tooSmall', min: 1 });
    expect(checkDanishNumber('168,5', { max: 168 })).toEqual({ ok: false, problem: 'tooLarge', max: 168 });
  });

  it('takes the bounds themselves', () => {
    expect(checkDanishNumber('1', { min: 1, max: 168, decimals: 0 })).toEqual({ ok: true, value: 1 });
    expect(checkDanishNumber('168', { min: 1, max: 168, decimals: 0 })).toEqual({ ok: true, value: 168 });
    expect(checkDanishNumber('2,55', { decimals: 2 })).toEqual({ ok: true, value: 2.55 });
    expect(checkDanishNumber('0,000001', { decimals: 6 })).toEqual({ ok: true, value: 0.000001 });
    expect(checkDanishNumber('0,0000001', { decimals: 6 })).toEqual({ ok: false, problem: 'decimals', decimals: 6 });
  });

  it('reads in the chosen language', () => {
    expect(checkDanishNumber('2,150', { decimals: 0 }, 'en')).toEqual({ ok: true, value: 2150 });
    expect(checkDanishNumber('2,150', { decimals: 0 }, 'da')).toEqual({ ok: false, problem: 'whole' });
  });
});
