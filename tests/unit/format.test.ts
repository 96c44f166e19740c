// Danish number and date formats (shared/format.ts), as every view and export shows them.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKroner, formatMillions, formatNumber, formatParagraph, parseDate } from '../../shared/format';

describe('numbers', () => {
  it('writes whole numbers by default, with the decimals asked for, in Danish or English', () => {
    expect(formatNumber(1234.56)).toBe('1.235');
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 2)).toBe('1.234,50');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 1, 'da')).toBe('1.234,5');
    expect(formatNumber(2, 0, 'en')).toBe('2');
  });
  it('writes whole kroner, rounded', () => {
    expect(formatKroner(7085.4)).toBe('7.085 kr.');
    expect(formatKroner(7085.5)).toBe('7.086 kr.');
    expect(formatKroner(7085.4, 'en')).toBe('7,085 DKK');
  });
  it('writes millions with one decimal', () => {
    expect(formatMillions(1_096_000_000)).toBe('1.096,0 mio. kr.');
    expect(formatMillions(2_450_000)).toBe('2,5 mio. kr.');
    expect(formatMillions(1_096_000_000, 'en')).toBe('1,096.0 m DKK');
  });
});

describe('dates', () => {
  it('writes 23.11.2026 in Danish and 23/11/2026 in English, from a date or a timestamp', () => {
    expect(formatDate('2026-11-23')).toBe('23.11.2026');
    expect(formatDate('2026-11-23', 'en')).toBe('23/11/2026');
    expect(formatDate('2026-11-23T10:00:00.000Z')).toBe('23.11.2026');
  });
  it('writes nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });
  it('writes a timestamp in the host\'s local time with zero-padded day, month, hours and minutes', () => {
    expect(formatDateTime('2026-03-05T07:04:00')).toBe('05.03.2026 07:04');
    expect(formatDateTime('2026-11-23T19:42:00')).toBe('23.11.2026 19:42');
    expect(formatDateTime('2026-03-05T07:04:00', 'en')).toBe('05/03/2026 07:04');
  });
});

describe('paragraphs', () => {
  it('writes a paragraph as users write it: "§ 85", "§ 82 a", "§ 95-96"', () => {
    expect(formatParagraph('85')).toBe('§ 85');
    expect(formatParagraph('§85')).toBe('§ 85');
    expect(formatParagraph('§  82b')).toBe('§ 82 b');
    expect(formatParagraph('82A')).toBe('§ 82 a');
    expect(formatParagraph('95-96')).toBe('§ 95-96');
    expect(formatParagraph('a82a')).toBe('§ a82a');
    expect(formatParagraph('82ab')).toBe('§ 82ab');
    expect(formatParagraph('x§ 85')).toBe('§ x§ 85');
  });
});

describe('a typed date', () => {
  it('reads day before month with dots, slashes or dashes, two-digit years as 20yy, eight digits and ISO', () => {
    expect(parseDate('1.12.26')).toBe('2026-12-01');
    expect(parseDate('1/12/2026')).toBe('2026-12-01');
    expect(parseDate('1-12-2026')).toBe('2026-12-01');
    expect(parseDate('1.12/2026')).toBe('2026-12-01');
    expect(parseDate('01122026')).toBe('2026-12-01');
    expect(parseDate(' 2026-12-1 ')).toBe('2026-12-01');
  });
  it('takes years 1900 to 2199 only', () => {
    expect(parseDate('1900-01-01')).toBe('1900-01-01');
    expect(parseDate('1899-12-31')).toBeNull();
    expect(parseDate('31.12.2199')).toBe('2199-12-31');
    expect(parseDate('01.01.2200')).toBeNull();
  });
  it('takes real calendar days only: month 1 to 12, day 1 to the month\'s last', () => {
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDate('29.02.2026')).toBeNull();
    expect(parseDate('31.12.2026')).toBe('2026-12-31');
    expect(parseDate('32.12.2026')).toBeNull();
    expect(parseDate('1.12.2026')).toBe('2026-12-01');
    expect(parseDate('0.12.2026')).toBeNull();
    expect(parseDate('1.0.2026')).toBeNull();
    expect(parseDate('1.1.2026')).toBe('2026-01-01');
    expect(parseDate('1.13.2026')).toBeNull();
  });
  it('refuses anything around or inside the date', () => {
    for (const text of ['x1.12.2026', '1.12.2026x', '2026-12-01x', 'x2026-12-01', '0112202', '011220266', '101122026', '123.1.2026', '1.12.202', '1.123.2026', '2026-123-01', '12026-12-01']) {
      expect(parseDate(text)).toBeNull();
    }
  });
});
