// Money in whole øre (shared/money.ts): rounding half away from zero, no negative zero, the yearly
// factor of every takst unit, the median of øre, and the one parser of typed Danish amounts.
import { describe, expect, it } from 'vitest';
import { medianOere, mulDiv, parseAmount, roundHalfAway, sumOere, toKroner, toOere, yearlyOere } from '../../shared/money';

const isPlusZero = (n: number) => Object.is(n, 0);

describe('rounding øre', () => {
  it('rounds a half away from zero on both sides, and anything less than a half towards the nearest', () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6, -0.5, -1.5, -2.5, -2.4, -2.6].map(roundHalfAway)).toEqual([1, 2, 3, 2, 3, -1, -2, -3, -2, -3]);
  });

  it('never gives negative zero: not for -0, not for a small negative, not for whole numbers', () => {
    expect(isPlusZero(roundHalfAway(-0))).toBe(true);
    expect(isPlusZero(roundHalfAway(-0.4))).toBe(true);
    expect(isPlusZero(roundHalfAway(-1e-9))).toBe(true);
    expect(roundHalfAway(-7)).toBe(-7);
    expect(roundHalfAway(7)).toBe(7);
    expect(isPlusZero(toKroner(-0))).toBe(true);
  });

  it('a product a hair below a half because of binary floating point still rounds as the half it is', () => {
    // 2150.005 × 100 is 215000.49999999997 in binary floating point.
    expect(toOere(2150.005)).toBe(215_001);
    expect(toOere(-2150.005)).toBe(-215_001);
    expect(toOere(1.005)).toBe(101);
    // Far from a half, the value rounds as it is.
    expect(toOere(1.0049)).toBe(100);
    expect(roundHalfAway(215_000.4999)).toBe(215_000);
    expect(roundHalfAway(215_000.5001)).toBe(215_001);
    // Only near a half is the value cut to 15 digits: a huge amount keeps its last whole øre.
    expect(roundHalfAway(1_234_567_890_123_456.25)).toBe(1_234_567_890_123_456);
  });

  it('converts øre to kroner with the øre as decimals', () => {
    expect(toKroner(123_456)).toBe(1234.56);
    expect(toKroner(-5)).toBe(-0.05);
  });

  it('multiplies and divides in one step, rounding once', () => {
    expect(mulDiv(10, 3, 4)).toBe(8);
    expect(mulDiv(7, 3, 2)).toBe(11);
    expect(mulDiv(-7, 3, 2)).toBe(-11);
    expect(mulDiv(36_500_000, 10, 365)).toBe(1_000_000);
  });
});

describe('yearly cost in øre', () => {
  it('a takst per hour is hours per week × 52; per day × 365, per week × 52, per month × 12, per year × 1', () => {
    expect(yearlyOere(100, 'hour', 5)).toBe(26_000);
    expect(yearlyOere(100, 'day', 1)).toBe(36_500);
    expect(yearlyOere(100, 'week', 1)).toBe(5_200);
    expect(yearlyOere(100, 'month', 1)).toBe(1_200);
    expect(yearlyOere(100, 'year', 1)).toBe(100);
    expect(yearlyOere(100, 'day', 2)).toBe(73_000);
  });

  it('rounds the yearly cost of a quarter hour to whole øre', () => {
    expect(yearlyOere(333, 'hour', 0.25)).toBe(4329); // 4328.999…
    expect(yearlyOere(1, 'hour', 0.25)).toBe(13);
  });
});

describe('the median and the sum of øre', () => {
  it('has no median of nothing; one amount is its own median', () => {
    expect(medianOere([])).toBeNull();
    expect(medianOere([42])).toBe(42);
  });

  it('sorts before taking the middle, so the order given does not matter', () => {
    expect(medianOere([9, 1, 5])).toBe(5);
    expect(medianOere([9, 1, 5, 2, 100])).toBe(5);
    expect(medianOere([10, 2, 8, 4])).toBe(6);
    expect(medianOere([100, 20, 3])).toBe(20);
  });

  it('takes the mean of the middle two of an even count, a half øre away from zero', () => {
    expect(medianOere([1, 4])).toBe(3);
    expect(medianOere([-1, -4])).toBe(-3);
    expect(medianOere([1, 2, 3, 1000])).toBe(3);
  });

  it('sums øre exactly, nothing summing to zero', () => {
    expect(sumOere([])).toBe(0);
    expect(sumOere([1, 2, 3])).toBe(6);
    expect(sumOere(new Set([100, -30]))).toBe(70);
  });
});

describe('reading a typed Danish amount', () => {
  it('reads the comma as the decimal mark and "." or spaces as thousands', () => {
    expect(parseAmount('2.150,00')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    expect(parseAmount('12,5')).toEqual({ ok: true, oere: 1250, kroner: 12.5 });
    expect(parseAmount('12,05')).toEqual({ ok: true, oere: 1205, kroner: 12.05 });
    expect(parseAmount('1.250')).toEqual({ ok: true, oere: 125_000, kroner: 1250 });
    expect(parseAmount('12.345')).toEqual({ ok: true, oere: 1_234_500, kroner: 12_345 });
    expect(parseAmount('123.456,78')).toEqual({ ok: true, oere: 12_345_678, kroner: 123_456.78 });
    expect(parseAmount('1.000.000')).toEqual({ ok: true, oere: 100_000_000, kroner: 1_000_000 });
    expect(parseAmount(' 2 150 ')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    expect(parseAmount('2\u00a0150')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    expect(parseAmount('2\u202f150')).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
  });

  it('reads a lone "." with one or two digits after it as a pasted decimal point', () => {
    expect(parseAmount('2150.5')).toEqual({ ok: true, oere: 215_050, kroner: 2150.5 });
    expect(parseAmount('2150.55')).toEqual({ ok: true, oere: 215_055, kroner: 2150.55 });
    expect(parseAmount('7.05')).toEqual({ ok: true, oere: 705, kroner: 7.05 });
  });

  it('takes "kr.", "kr" and "DKK" after the amount, in any case', () => {
    for (const text of ['2150 kr.', '2150 kr', '2150kr.', '2150 KR.', '2150 DKK', '2150 dkk']) {
      expect(parseAmount(text), text).toEqual({ ok: true, oere: 215_000, kroner: 2150 });
    }
    expect(parseAmount('kr. 2150').ok).toBe(false);
  });

  it('refuses a negative amount unless allowed, and then reads both minus signs; minus zero is zero', () => {
    expect(parseAmount('-5')).toEqual({ ok: false, message: 'Beløbet må ikke være negativt.' });
    expect(parseAmount('−5')).toEqual({ ok: false, message: 'Beløbet må ikke være negativt.' });
    expect(parseAmount('-5', { allowNegative: false })).toEqual({ ok: false, message: 'Beløbet må ikke være negativt.' });
    expect(parseAmount('-1.250,5', { allowNegative: true })).toEqual({ ok: true, oere: -125_050, kroner: -1250.5 });
    expect(parseAmount('−5', { allowNegative: true })).toEqual({ ok: true, oere: -500, kroner: -5 });
    const zero = parseAmount('-0', { allowNegative: true });
    expect(zero).toEqual({ ok: true, oere: 0, kroner: 0 });
    if (zero.ok) expect(isPlusZero(zero.oere)).toBe(true);
  });

  it('asks for an amount when nothing is typed', () => {
    expect(parseAmount('')).toEqual({ ok: false, message: 'Skriv et beløb, fx 2.150,00.' });
    expect(parseAmount('   ')).toEqual({ ok: false, message: 'Skriv et beløb, fx 2.150,00.' });
    expect(parseAmount('kr.')).toEqual({ ok: false, message: 'Skriv et beløb, fx 2.150,00.' });
  });

  it('refuses more than two decimals, naming the amount as typed', () => {
    expect(parseAmount(' 2,555 ')).toEqual({ ok: false, message: '"2,555" har mere end to decimaler; beløb angives i kroner og øre.' });
    expect(parseAmount('1.234,567')).toEqual({ ok: false, message: '"1.234,567" har mere end to decimaler; beløb angives i kroner og øre.' });
  });

  it('refuses what is not an amount, saying what was expected', () => {
    const notAnAmount = (text: string) => ({ ok: false, message: `"${text}" er ikke et beløb. Skriv fx 2.150,00 eller 2150.` });
    for (const text of ['abc', '12,', ',5', '12.345.67', '2150.555', '1,000.50', '12a', 'a12', '1.2345', '12.34,5', '-', '--5', '5-']) {
      expect(parseAmount(text, { allowNegative: true }), text).toEqual(notAnAmount(text));
    }
    expect(parseAmount('  abc  ')).toEqual(notAnAmount('abc'));
    // More øre than can be counted exactly is not an amount either.
    expect(parseAmount('99999999999999999')).toEqual(notAnAmount('99999999999999999'));
    expect(parseAmount('90071992547409,92')).toEqual(notAnAmount('90071992547409,92'));
    expect(parseAmount('90071992547409,91')).toEqual({ ok: true, oere: 9_007_199_254_740_991, kroner: 90_071_992_547_409.91 });
  });
});
