// The bottom line through time (issue 16). A grant is a chain of versions; each version is
// *known* from a day (the day it was made in Flowtavle, or what an import says) until the day
// the next version of the same grant became known. A figure "as of D" means as known at the end
// of D: every grant's version known on D, later changes (backdated ones too) ignored. All money
// is whole øre (shared/money.ts).
//
// Why the identity holds: a grant's contribution to the forecast of year Y is the full-year
// cost in Y of its version known on D, whatever the split between spent and committed. So
// forecast(Y, D2) − forecast(Y, D1) is, grant by grant, cost(version on D2) − cost(version on
// D1), which telescopes over the versions that became known in (D1, D2] — exactly the ledger
// entries (one per version, effect = cost(new) − cost(previous), dated the day it is known).
import type { IsoDate, TakstUnit } from './domain';
import { addDays, daysInYear, toDayNumber as parseDay, yearOf } from './dates';
import { mulDiv, yearlyOere } from './money';

export interface CostBasisOere {
  takstOere: number;
  takstUnit: TakstUnit;
  quantity: number;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface GrantVersion extends CostBasisOere {
  id: number;
  grantId: number;
  caseId: number;
  teamId: number;
  /** The first day on which this version is known. */
  knownFrom: IsoDate;
  /** The day the next version (or the removal) became known; null while it is the latest. */
  knownUntil: IsoDate | null;
  paragraph: string;
}

/** Known at the end of `date`: became known on or before it and not replaced by then. */
export function isKnownOn(v: Pick<GrantVersion, 'knownFrom' | 'knownUntil'>, date: IsoDate): boolean {
  return v.knownFrom <= date && (v.knownUntil === null || v.knownUntil > date);
}

/** The version of each grant known at the end of `date` (at most one per grant). */
export function versionsKnownOn<V extends GrantVersion>(versions: readonly V[], date: IsoDate): V[] {
  return versions.filter((v) => isKnownOn(v, date));
}

// The same few thousand dates are priced over and over (every grant's start and end, for every
// week of a series): remember their day numbers.
const dayNumbers = new Map<string, number>();
function toDayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same number.
  if (n === undefined) {
    n = parseDay(date);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a cache; recomputing or forgetting a day number gives the same number.
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

const boundsOfYear = new Map<number, { first: number; last: number; days: number }>();
function yearBounds(year: number) {
  let b = boundsOfYear.get(year);
  // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same bounds.
  if (!b) {
    b = { first: toDayNumber(`${year}-01-01`), last: toDayNumber(`${year}-12-31`), days: daysInYear(year) };
    boundsOfYear.set(year, b);
  }
  return b;
}

/** Days of `year` the grant runs. */
export function activeDaysInYear(g: Pick<CostBasisOere, 'startDate' | 'endDate'>, year: number): number {
  const { first, last } = yearBounds(year);
  const start = Math.max(first, toDayNumber(g.startDate));
  const end = Math.min(last, g.endDate === null ? last : toDayNumber(g.endDate));
  return Math.max(0, end - start + 1);
}

/** The grant's full cost in `year`, whole øre: what it adds to that year's forecast. */
export function costInYearOere(g: CostBasisOere, year: number): number {
  const days = activeDaysInYear(g, year);
  // Stryker disable next-line ConditionalExpression: a shortcut; mulDiv of no days is 0 as well.
  return days === 0 ? 0 : mulDiv(yearlyOere(g.takstOere, g.takstUnit, g.quantity), days, yearBounds(year).days);
}

/**
 * Spent (1 January to the as-of date) and committed (the day after to 31 December) in the as-of
 * year, whole øre. Spent is rounded once; committed is the rest, so spent + committed is always
 * exactly the grant's cost in the year.
 */
export function splitOere(g: CostBasisOere, asOf: IsoDate): { spent: number; committed: number } {
  const year = yearOf(asOf);
  const { first, last, days } = yearBounds(year);
  const start = Math.max(first, toDayNumber(g.startDate));
  const end = Math.min(last, g.endDate === null ? last : toDayNumber(g.endDate));
  if (end < start) return { spent: 0, committed: 0 };
  const yearly = yearlyOere(g.takstOere, g.takstUnit, g.quantity);
  const full = mulDiv(yearly, end - start + 1, days);
  const spentDays = Math.max(0, Math.min(end, toDayNumber(asOf)) - start + 1);
  // Stryker disable next-line ConditionalExpression: a shortcut; mulDiv of no days is 0 as well.
  const spent = spentDays === 0 ? 0 : mulDiv(yearly, spentDays, days);
  return { spent, committed: full - spent };
}

/** Cost per calendar month of `year` (index 0 = January), whole øre summing exactly to costInYearOere. */
export function monthlyOere(g: CostBasisOere, year: number): number[] {
  const { days } = yearBounds(year);
  const yearly = yearlyOere(g.takstOere, g.takstUnit, g.quantity);
  const start = toDayNumber(g.startDate);
  const end = g.endDate === null ? Number.POSITIVE_INFINITY : toDayNumber(g.endDate);
  const months: number[] = [];
  let activeBefore = 0;
  let cumulativeBefore = 0;
  for (let m = 0; m < 12; m++) {
    const from = Date.UTC(year, m, 1) / 86_400_000;
    const to = Date.UTC(year, m + 1, 0) / 86_400_000;
    activeBefore += Math.max(0, Math.min(end, to) - Math.max(start, from) + 1);
    // Stryker disable next-line ConditionalExpression: a shortcut; mulDiv of no days is 0 as well.
    const cumulative = activeBefore === 0 ? 0 : mulDiv(yearly, activeBefore, days);
    months.push(cumulative - cumulativeBefore);
    cumulativeBefore = cumulative;
  }
  return months;
}

/** Forecast of `year` as known at the end of `date`, per team, whole øre. */
export function forecastByTeam(versions: readonly GrantVersion[], year: number, date: IsoDate): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of versions) {
    if (!isKnownOn(v, date)) continue;
    out.set(v.teamId, (out.get(v.teamId) ?? 0) + costInYearOere(v, year));
  }
  return out;
}

/**
 * Forecast of `year` as known at the end of each of `dates` (ascending), for the versions given
 * (filter by team first). One pass: each version adds its cost to the dates on which it is known.
 */
export function forecastSeries(versions: readonly GrantVersion[], year: number, dates: readonly IsoDate[]): number[] {
  const delta = new Array<number>(dates.length + 1).fill(0);
  const firstIndexOnOrAfter = (day: IsoDate) => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const v of versions) {
    const cost = costInYearOere(v, year);
    // Stryker disable next-line ConditionalExpression: a shortcut; adding and taking away 0 changes nothing.
    if (cost === 0) continue;
    const from = firstIndexOnOrAfter(v.knownFrom);
    const until = v.knownUntil === null ? dates.length : firstIndexOnOrAfter(v.knownUntil);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a version is known until no earlier than from, so until < from never happens and until = from adds and takes away on the same day.
    if (until <= from) continue;
    delta[from]! += cost;
    delta[until]! -= cost;
  }
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < dates.length; i++) out.push((running += delta[i]!));
  return out;
}

/**
 * The points of the weekly series of `year`: the end of 31 December before it ("as the year
 * began"), then every seventh day, up to `until` (inclusive) and never past 31 December.
 */
export function weekPoints(year: number, until: IsoDate): IsoDate[] {
  const points: IsoDate[] = [];
  // Stryker disable next-line EqualityOperator: on 31 December both are the same day.
  const end = until < `${year}-12-31` ? until : `${year}-12-31`;
  for (let d = addDays(`${year}-01-01`, -1); d <= end; d = addDays(d, 7)) points.push(d);
  return points;
}

// ---------------------------------------------------------------------------------------------
// What the change is made of (KL's budget follow-up: committed funds, price and volume)

export type ChangeKind = 'new' | 'ended' | 'volume' | 'price';
export const CHANGE_KINDS: readonly ChangeKind[] = ['new', 'ended', 'volume', 'price'];

export interface GrantChangePart<V extends GrantVersion = GrantVersion> {
  grantId: number;
  caseId: number;
  before: V | null;
  after: V | null;
  /** Øre of this kind's share of the grant's change. */
  effect: number;
}

export interface Decomposition<V extends GrantVersion = GrantVersion> {
  year: number;
  from: IsoDate;
  to: IsoDate;
  forecastFrom: number;
  forecastTo: number;
  lines: Record<ChangeKind, { total: number; grants: GrantChangePart<V>[] }>;
}

/**
 * Splits the change of a team's forecast of `year` between the end of `from` and the end of
 * `to` into new grants, ended grants, volume and price; the four totals sum exactly to
 * forecastTo − forecastFrom. A grant that changes is walked in three steps, each priced in the
 * year: its period (an earlier end is "ended", a longer or moved period is volume), then its
 * quantity, unit and service (volume), then its takst (price).
 */
export function decompose<V extends GrantVersion>(versions: readonly V[], teamId: number, year: number, from: IsoDate, to: IsoDate): Decomposition<V> {
  const before = new Map<number, V>();
  const after = new Map<number, V>();
  for (const v of versions) {
    if (v.teamId !== teamId) continue;
    if (isKnownOn(v, from)) before.set(v.grantId, v);
    if (isKnownOn(v, to)) after.set(v.grantId, v);
  }
  const lines: Decomposition<V>['lines'] = { new: { total: 0, grants: [] }, ended: { total: 0, grants: [] }, volume: { total: 0, grants: [] }, price: { total: 0, grants: [] } };
  const add = (kind: ChangeKind, part: GrantChangePart<V>) => {
    if (part.effect === 0) return;
    lines[kind].total += part.effect;
    lines[kind].grants.push(part);
  };
  let forecastFrom = 0;
  let forecastTo = 0;
  for (const v of before.values()) forecastFrom += costInYearOere(v, year);
  for (const v of after.values()) forecastTo += costInYearOere(v, year);
  for (const grantId of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(grantId) ?? null;
    const a = after.get(grantId) ?? null;
    // Stryker disable next-line ConditionalExpression: a shortcut; the same version walked gives three steps of no effect, which add() leaves out.
    if (b === a) continue;
    const caseId = (a ?? b)!.caseId;
    const part = (effect: number): GrantChangePart<V> => ({ grantId, caseId, before: b, after: a, effect });
    if (!b) {
      add('new', part(costInYearOere(a!, year)));
      continue;
    }
    if (!a) {
      add('ended', part(-costInYearOere(b, year)));
      continue;
    }
    const c0 = costInYearOere(b, year);
    const periodStep: CostBasisOere = { ...b, startDate: a.startDate, endDate: a.endDate };
    const c1 = costInYearOere(periodStep, year);
    const volumeStep: CostBasisOere = { ...periodStep, takstUnit: a.takstUnit, quantity: a.quantity };
    const c2 = costInYearOere(volumeStep, year);
    const c3 = costInYearOere(a, year);
    const endedEarlier = a.endDate !== null && (b.endDate === null || a.endDate < b.endDate);
    // Stryker disable next-line EqualityOperator: at c1 = c0 the period step has no effect, which add() leaves out either way.
    const periodKind: ChangeKind = endedEarlier && c1 <= c0 ? 'ended' : 'volume';
    const effects: Record<ChangeKind, number> = { new: 0, ended: 0, volume: c2 - c1, price: c3 - c2 };
    effects[periodKind] += c1 - c0;
    for (const kind of CHANGE_KINDS) add(kind, part(effects[kind]));
  }
  for (const kind of CHANGE_KINDS) lines[kind].grants.sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect) || x.grantId - y.grantId);
  return { year, from, to, forecastFrom, forecastTo, lines };
}
