import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, compareIso, daysBetween, daysInMonth, daysInYear, fromDayNumber, isIsoDate, isLeapYear, localToday, mondayOf, toDayNumber, yearOf,
} from '../../shared/dates';
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

describe('the rules of ISO dates and the calendar (mutation-pinned)', () => {
  it('accepts only the whole text YYYY-MM-DD, nothing before or after it', () => {
    expect(isIsoDate('2026-01-15')).toBe(true);
    expect(isIsoDate('x2026-01-15')).toBe(false);
    expect(isIsoDate('2026-01-15x')).toBe(false);
    expect(isIsoDate('26-01-15')).toBe(false);
    expect(isIsoDate('2026-1-15')).toBe(false);
    expect(isIsoDate('2026-01-5')).toBe(false);
    expect(isIsoDate('20a6-01-15')).toBe(false);
  });

  it('accepts months 1 to 12 and refuses 0 and 13', () => {
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-10')).toBe(true);
    expect(isIsoDate('2026-12-10')).toBe(true);
    expect(isIsoDate('2026-13-10')).toBe(false);
  });

  it('accepts day 1 up to the last day of the month and refuses day 0 and the day after the last', () => {
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-01-01')).toBe(true);
    expect(isIsoDate('2026-01-31')).toBe(true);
    expect(isIsoDate('2026-01-32')).toBe(false);
    expect(isIsoDate('2026-04-30')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
  });

  it('numbers days from 1970-01-01 and refuses text that is not a date', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1970-02-01')).toBe(31);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(() => toDayNumber('1.1.2026')).toThrow('Not an ISO date: 1.1.2026');
    expect(() => toDayNumber('x1970-01-01')).toThrow(RangeError);
    expect(() => toDayNumber('1970-01-01x')).toThrow(RangeError);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(31)).toBe('1970-02-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it('counts whole days forward as positive and backward as negative', () => {
    expect(daysBetween('2026-03-01', '2026-03-04')).toBe(3);
    expect(daysBetween('2026-03-04', '2026-03-01')).toBe(-3);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months across year ends both ways and pads year, month and day', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-05', 0)).toBe('2026-01-05');
    expect(addMonths('2026-01-30', 2)).toBe('2026-03-30');
    expect(addMonths('0999-01-05', 1)).toBe('0999-02-05');
  });

  it('has leap years every fourth year, not centuries, but every fourth century', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1600)).toBe(true);
    expect(daysInYear(2023)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
  });

  it('knows the length of every month, February by the leap rule, and none for a month that does not exist', () => {
    expect(Array.from({ length: 12 }, (_, i) => daysInMonth(2026, i + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 13)).toBe(0);
    expect(daysInMonth(2026, 0)).toBe(0);
  });

  it('reads the year of a date', () => {
    expect(yearOf('2026-05-01')).toBe(2026);
    expect(yearOf('0999-05-01')).toBe(999);
  });

  it('finds the Monday for every weekday, also before 1970', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    expect(week.map(mondayOf)).toEqual(week.map(() => '2026-11-23'));
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('1970-01-01')).toBe('1969-12-29'); // a Thursday
    expect(mondayOf('1969-12-31')).toBe('1969-12-29');
    expect(mondayOf('1969-12-28')).toBe('1969-12-22'); // a Sunday
  });

  it("gives today's date in the host's own calendar, zero-padded", () => {
    expect(localToday(new Date(2026, 0, 5, 12, 0))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 10, 23, 0, 30))).toBe('2026-11-23');
    expect(localToday(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(localToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('compareIso', () => {
  it('orders dates and timestamps by time: earlier first, the same equal', () => {
    expect(compareIso('2026-11-30', '2026-12-01')).toBe(-1);
    expect(compareIso('2026-12-01', '2026-11-30')).toBe(1);
    expect(compareIso('2026-12-01', '2026-12-01')).toBe(0);
    expect(compareIso('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z')).toBe(-1);
  });
});
