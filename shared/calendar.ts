// The Danish working-day calendar: the public holidays (helligdage) of lov om helligdage, fixed and
// Easter-based, and the days a municipality may keep closed beside them (24 and 31 December, and
// Grundlovsdag, which are days off under the municipal agreements but not public holidays).
// Store Bededag (the fourth Friday after Easter) stopped being a public holiday from 2024
// (lov nr. 153 af 28.2.2023). Weekends are never working days. Pure: dates are ISO text, UTC days.
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './dates';
import type { IsoDate } from './domain';

export interface Holiday {
  date: IsoDate;
  name: string;
}

/** The closed days beside the public holidays; a leader sets them for the department. */
export interface CalendarOptions {
  /** Juleaftensdag (24 December). */
  christmasEveClosed: boolean;
  /** Nytårsaftensdag (31 December). */
  newYearsEveClosed: boolean;
  /** Grundlovsdag (5 June). */
  constitutionDayClosed: boolean;
}

/** Municipal practice: 24 and 31 December closed, Grundlovsdag open unless the leaders close it. */
export const DEFAULT_CALENDAR: CalendarOptions = { christmasEveClosed: true, newYearsEveClosed: true, constitutionDayClosed: false };

/** The last year Store Bededag was a public holiday. */
export const LAST_GREAT_PRAYER_DAY_YEAR = 2023;

const iso = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The public holidays of a year, in date order (Sundays among them: Påskedag, Pinsedag). */
export function danishPublicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): Holiday => ({ date: addDays(easter, days), name });
  const list: Holiday[] = [
    { date: iso(year, 1, 1), name: 'Nytårsdag' },
    fromEaster(-3, 'Skærtorsdag'),
    fromEaster(-2, 'Langfredag'),
    fromEaster(0, 'Påskedag'),
    fromEaster(1, '2. påskedag'),
    ...(year <= LAST_GREAT_PRAYER_DAY_YEAR ? [fromEaster(26, 'Store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'Pinsedag'),
    fromEaster(50, '2. pinsedag'),
    { date: iso(year, 12, 25), name: 'Juledag' },
    { date: iso(year, 12, 26), name: '2. juledag' },
  ];
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Public holidays and the chosen closed days of a year, in date order. */
export function closedDays(year: number, options: CalendarOptions = DEFAULT_CALENDAR): Holiday[] {
  const extra: Holiday[] = [];
  if (options.constitutionDayClosed) extra.push({ date: iso(year, 6, 5), name: 'Grundlovsdag' });
  if (options.christmasEveClosed) extra.push({ date: iso(year, 12, 24), name: 'Juleaftensdag' });
  if (options.newYearsEveClosed) extra.push({ date: iso(year, 12, 31), name: 'Nytårsaftensdag' });
  return [...danishPublicHolidays(year), ...extra].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 5 on Saturdays and 6 on Sundays.
  const weekday = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return weekday >= 5;
}

/**
 * A calendar bound to a set of options, with its closed days cached per year: the board asks
 * about thousands of cards at once.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, Set<IsoDate>>();

  constructor(readonly options: CalendarOptions = DEFAULT_CALENDAR) {}

  private closedOf(year: number): Set<IsoDate> {
    let set = this.years.get(year);
    if (!set) this.years.set(year, (set = new Set(closedDays(year, this.options).map((h) => h.date))));
    return set;
  }

  isHoliday(date: IsoDate): boolean {
    return this.closedOf(Number(date.slice(0, 4))).has(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    return !isWeekend(date) && !this.isHoliday(date);
  }

  /**
   * Working days elapsed from `from` to `to`: the working days after `from` up to and including
   * `to`, so entered on a Monday and read on Wednesday is 2, like calendar days (daysBetween).
   * Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    const first = toDayNumber(from);
    const last = toDayNumber(to);
    let n = 0;
    for (let d = first + 1; d <= last; d++) if (this.isWorkingDay(fromDayNumber(d))) n++;
    return n;
  }

  /** The date `n` working days after `date` (n ≥ 0); 0 gives the date itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    let day = date;
    for (let left = n; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }
}

/** How processing times are read: elapsed calendar days, or working days of the calendar. */
export type DayCounting = 'calendar' | 'working';

/** Days from `from` to `to` in the chosen counting. */
export function elapsedDays(from: IsoDate, to: IsoDate, counting: DayCounting, calendar: WorkingCalendar): number {
  return counting === 'working' ? calendar.workingDaysBetween(from, to) : daysBetween(from, to);
}
