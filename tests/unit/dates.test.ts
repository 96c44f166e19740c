import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInYear, isIsoDate, mondayOf } from '../../shared/dates';
import { formatDate, parseDate } from '../../shared/format';

describe('calendar arithmetic', () => {
  it('validates ISO dates including leap days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('23.11.2026')).toBe(false);
  });

  it('counts days across a leap year boundary', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addMonths('2026-11-23', -12)).toBe('2025-11-23');
  });

  it('finds the Monday of the week', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });
});

describe('parseDate (what people type in a date field)', () => {
  it.each([
    ['01.12.2026', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    ['1.2.26', '2026-02-01'],
    ['01/12/2026', '2026-12-01'],
    ['01-12-2026', '2026-12-01'],
    ['01122026', '2026-12-01'],
    [' 2026-12-01 ', '2026-12-01'],
    ['29.02.2028', '2028-02-29'],
  ])('reads %s as %s (day before month)', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['', '12/31/2026', '31.11.2026', '29.02.2027', '00.01.2026', '1.13.2026', '2026-13-01', 'i morgen', '1.1.1899', '01.12.2200'])(
    'refuses %j: not a calendar date in a sensible window',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it('gives back what formatDate writes, in both languages', () => {
    for (const iso of ['2026-01-09', '2026-12-31', '2027-06-15']) {
      expect(parseDate(formatDate(iso, 'da'))).toBe(iso);
      expect(parseDate(formatDate(iso, 'en'))).toBe(iso);
    }
  });
});
