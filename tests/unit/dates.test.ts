import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInYear, isIsoDate, mondayOf } from '../../shared/dates';

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
