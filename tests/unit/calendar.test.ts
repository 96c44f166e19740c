// The Danish calendar against the official lists of public holidays (helligdage) 2024–2030.
import { describe, expect, it } from 'vitest';
import {
  closedDays, danishPublicHolidays, DEFAULT_CALENDAR, easterSunday, elapsedDays, isWeekend, LAST_GREAT_PRAYER_DAY_YEAR, WorkingCalendar,
} from '../../shared/calendar';

// Every public holiday 2024–2030 written out by hand (not computed): nytårsdag, skærtorsdag,
// langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag, 2. juledag.
const OFFICIAL: Record<number, string[]> = {
  2024: ['2024-01-01', '2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-19', '2024-05-20', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'],
  2027: ['2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26'],
  2028: ['2028-01-01', '2028-04-13', '2028-04-14', '2028-04-16', '2028-04-17', '2028-05-25', '2028-06-04', '2028-06-05', '2028-12-25', '2028-12-26'],
  2029: ['2029-01-01', '2029-03-29', '2029-03-30', '2029-04-01', '2029-04-02', '2029-05-10', '2029-05-20', '2029-05-21', '2029-12-25', '2029-12-26'],
  2030: ['2030-01-01', '2030-04-18', '2030-04-19', '2030-04-21', '2030-04-22', '2030-05-30', '2030-06-09', '2030-06-10', '2030-12-25', '2030-12-26'],
};
const NAMES = ['Nytårsdag', 'Skærtorsdag', 'Langfredag', 'Påskedag', '2. påskedag', 'Kristi himmelfartsdag', 'Pinsedag', '2. pinsedag', 'Juledag', '2. juledag'];

describe('the Danish public holidays', () => {
  for (const [year, dates] of Object.entries(OFFICIAL)) {
    it(`are exactly the official list for ${year}`, () => {
      expect(danishPublicHolidays(Number(year))).toEqual(dates.map((date, i) => ({ date, name: NAMES[i] })));
    });
  }

  it('finds Easter Sunday by the Gregorian rule', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual([
      '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21',
    ]);
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('had Store Bededag until 2023 and not from 2024', () => {
    expect(danishPublicHolidays(2023)).toContainEqual({ date: '2023-05-05', name: 'Store bededag' });
    expect(danishPublicHolidays(2023)).toHaveLength(11);
    for (let year = 2024; year <= 2030; year++) {
      expect(danishPublicHolidays(year).map((h) => h.name)).not.toContain('Store bededag');
    }
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2024-04-26')).toBe(true); // what would have been Store Bededag 2024
    expect(calendar.isWorkingDay('2023-05-05')).toBe(false);
  });
});

describe('closed days beside the holidays', () => {
  it('closes 24 and 31 December by default and opens them when the leaders say so', () => {
    const standard = new WorkingCalendar();
    expect(standard.isWorkingDay('2025-12-24')).toBe(false);
    expect(standard.isWorkingDay('2025-12-31')).toBe(false);
    const open = new WorkingCalendar({ ...DEFAULT_CALENDAR, christmasEveClosed: false, newYearsEveClosed: false });
    expect(open.isWorkingDay('2025-12-24')).toBe(true);
    expect(open.isWorkingDay('2025-12-31')).toBe(true);
    const onlyEve = new WorkingCalendar({ ...DEFAULT_CALENDAR, newYearsEveClosed: false });
    expect(onlyEve.isWorkingDay('2025-12-24')).toBe(false);
    expect(onlyEve.isWorkingDay('2025-12-31')).toBe(true);
  });

  it('keeps Grundlovsdag open unless chosen closed', () => {
    expect(new WorkingCalendar().isWorkingDay('2025-06-05')).toBe(true);
    expect(new WorkingCalendar({ ...DEFAULT_CALENDAR, constitutionDayClosed: true }).isWorkingDay('2025-06-05')).toBe(false);
    expect(closedDays(2025, { ...DEFAULT_CALENDAR, constitutionDayClosed: true }).map((d) => d.name)).toContain('Grundlovsdag');
  });
});

describe('working days', () => {
  const calendar = new WorkingCalendar();

  it('knows weekends', () => {
    expect(isWeekend('2026-11-21')).toBe(true); // Saturday
    expect(isWeekend('2026-11-22')).toBe(true);
    expect(isWeekend('2026-11-23')).toBe(false);
  });

  it('counts elapsed working days like elapsed calendar days', () => {
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-25')).toBe(2); // Monday to Wednesday
    expect(calendar.workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1); // Friday to Monday
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-25', '2026-11-23')).toBe(-2);
  });

  it('skips Easter and Christmas', () => {
    // Wednesday before Easter 2026 to the Tuesday after: Thursday to Monday are closed.
    expect(calendar.workingDaysBetween('2026-04-01', '2026-04-07')).toBe(1);
    // 23 December 2026 (Wednesday) to 4 January 2027 (Monday): 24–26 and 31 December, 1 January closed.
    expect(calendar.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4); // 28, 29, 30 Dec and 4 Jan
    expect(elapsedDays('2026-12-23', '2027-01-04', 'calendar', calendar)).toBe(12);
    expect(elapsedDays('2026-12-23', '2027-01-04', 'working', calendar)).toBe(4);
  });

  it('adds working days', () => {
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(calendar.addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
    expect(calendar.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
  });
});

describe('calendar rules at their edges (mutation-pinned)', () => {
  it('finds Easter Sunday in years where the Gregorian corrections matter', () => {
    // Checked against published Easter tables (and python-dateutil): the earliest (22 March) and latest (25 April) dates.
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(1886)).toBe('1886-04-25');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1954)).toBe('1954-04-18');
    expect(easterSunday(1981)).toBe('1981-04-19');
    expect(easterSunday(2049)).toBe('2049-04-18');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2011)).toBe('2011-04-24');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2016)).toBe('2016-03-27');
    expect(easterSunday(2100)).toBe('2100-03-28');
    expect(easterSunday(1700)).toBe('1700-04-11');
    expect(easterSunday(2400)).toBe('2400-04-16');
    expect(easterSunday(999)).toBe('0999-04-14'); // proleptic Gregorian, zero-padded year
  });

  it('names Store Bededag for 2023, the last year it was a public holiday, in date order', () => {
    expect(LAST_GREAT_PRAYER_DAY_YEAR).toBe(2023);
    expect(danishPublicHolidays(2023).map((h) => h.date)).toEqual([
      '2023-01-01', '2023-04-06', '2023-04-07', '2023-04-09', '2023-04-10', '2023-05-05', '2023-05-18', '2023-05-28', '2023-05-29',
      '2023-12-25', '2023-12-26',
    ]);
    expect(danishPublicHolidays(2022)).toContainEqual({ date: '2022-05-13', name: 'Store bededag' });
  });

  it('lists the closed days in date order with the chosen extra days named', () => {
    expect(closedDays(2026, { christmasEveClosed: true, newYearsEveClosed: true, constitutionDayClosed: true })).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: '2. påskedag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: '2. pinsedag' },
      { date: '2026-06-05', name: 'Grundlovsdag' },
      { date: '2026-12-24', name: 'Juleaftensdag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: '2. juledag' },
      { date: '2026-12-31', name: 'Nytårsaftensdag' },
    ]);
    expect(closedDays(2026, { christmasEveClosed: false, newYearsEveClosed: false, constitutionDayClosed: false })).toEqual(danishPublicHolidays(2026));
    expect(closedDays(2026).map((d) => d.name)).toEqual([...NAMES.slice(0, 8), 'Juleaftensdag', 'Juledag', '2. juledag', 'Nytårsaftensdag']);
    expect(DEFAULT_CALENDAR).toEqual({ christmasEveClosed: true, newYearsEveClosed: true, constitutionDayClosed: false });
  });

  it('lists Grundlovsdag after 2. pinsedag when both fall on 5 June', () => {
    const closed = closedDays(2017, { ...DEFAULT_CALENDAR, constitutionDayClosed: true }).filter((d) => d.date === '2017-06-05');
    expect(closed).toEqual([{ date: '2017-06-05', name: '2. pinsedag' }, { date: '2017-06-05', name: 'Grundlovsdag' }]);
  });

  it('closes Nytårsaftensdag alone when only that is chosen', () => {
    const onlyNewYearsEve = new WorkingCalendar({ christmasEveClosed: false, newYearsEveClosed: true, constitutionDayClosed: false });
    expect(onlyNewYearsEve.isWorkingDay('2025-12-24')).toBe(true);
    expect(onlyNewYearsEve.isWorkingDay('2025-12-31')).toBe(false);
    expect(onlyNewYearsEve.isHoliday('2025-12-31')).toBe(true);
    expect(onlyNewYearsEve.isHoliday('2025-12-30')).toBe(false);
  });

  it('knows every weekday of a week, also before 1970', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    expect(week.map(isWeekend)).toEqual([false, false, false, false, false, true, true]);
    expect(isWeekend('1969-12-27')).toBe(true); // Saturday
    expect(isWeekend('1969-12-26')).toBe(false); // Friday
  });

  it('keeps the holidays of each year apart when one calendar is asked about several years', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isHoliday('2026-04-03')).toBe(true);
    expect(calendar.isHoliday('2027-04-03')).toBe(false);
    expect(calendar.isHoliday('2027-03-26')).toBe(true);
    expect(calendar.isHoliday('2026-04-03')).toBe(true);
    expect(calendar.isHoliday('2026-03-26')).toBe(false);
  });

  it('counts a holiday on the last day as not worked and a working day on the last day as worked', () => {
    const calendar = new WorkingCalendar();
    // Wednesday 1 April to Thursday 2 April 2026 (Skærtorsdag): no working day after the 1st.
    expect(calendar.workingDaysBetween('2026-04-01', '2026-04-02')).toBe(0);
    // Tuesday 31 March to Wednesday 1 April: the 1st is worked.
    expect(calendar.workingDaysBetween('2026-03-31', '2026-04-01')).toBe(1);
    // The first day itself never counts: from a working Monday to the Tuesday is 1.
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-24')).toBe(1);
    expect(calendar.workingDaysBetween('2026-11-24', '2026-11-23')).toBe(-1);
  });

  it('adds working days over a weekend and a holiday, starting from a closed day too', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 = Monday
    expect(calendar.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // Saturday + 1 = Monday
    expect(calendar.addWorkingDays('2026-11-24', 1)).toBe('2026-11-25');
    expect(calendar.addWorkingDays('2026-11-24', 2)).toBe('2026-11-26');
    expect(calendar.addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('reads elapsed days in calendar days unless working days are chosen', () => {
    const calendar = new WorkingCalendar();
    expect(elapsedDays('2026-11-27', '2026-11-30', 'calendar', calendar)).toBe(3);
    expect(elapsedDays('2026-11-27', '2026-11-30', 'working', calendar)).toBe(1);
  });
});
