// Grant arithmetic (issue "Economics"): yearly cost by takst unit, cost within a period day by
// day (each day weighing 1 / days in that day's year), and the team figures built on them:
// spent, committed, forecast, bottom line, pipeline and "på nul". Kroner, unrounded: rounding
// belongs to whoever shows or prints the number.
import type { Grant, IsoDate, TakstUnit } from './domain';
import { daysInYear, fromDayNumber, toDayNumber, yearOf } from './dates';
import { formatKroner, formatNumber, formatParagraph } from './format';

export type GrantCostBasis = Pick<Grant, 'takst' | 'takstUnit' | 'quantity'>;
export type GrantPeriodBasis = GrantCostBasis & Pick<Grant, 'startDate' | 'endDate'>;

const YEARLY_FACTOR: Record<TakstUnit, number> = { hour: 52, day: 365, week: 52, month: 12, year: 1 };

export function yearlyCost(grant: GrantCostBasis): number {
  // Hours per week for hour takster; for the other units a multiplier, stored as 1 by default.
  return grant.takst * YEARLY_FACTOR[grant.takstUnit] * grant.quantity;
}

/** Cost of the grant on the days from `from` to `to`, both inclusive. */
export function costInPeriod(grant: GrantPeriodBasis, from: IsoDate, to: IsoDate): number {
  const first = Math.max(toDayNumber(from), toDayNumber(grant.startDate));
  const last = Math.min(toDayNumber(to), grant.endDate ? toDayNumber(grant.endDate) : Number.POSITIVE_INFINITY);
  if (last < first) return 0;
  const perYear = yearlyCost(grant);
  let cost = 0;
  // Walk year by year: every day of a year costs perYear / days in that year.
  for (let year = yearOf(fromDayNumber(first)); ; year++) {
    const yearStart = toDayNumber(`${year}-01-01`);
    const yearEnd = toDayNumber(`${year}-12-31`);
    const segmentStart = Math.max(first, yearStart);
    const segmentEnd = Math.min(last, yearEnd);
    if (segmentEnd >= segmentStart) cost += ((segmentEnd - segmentStart + 1) * perYear) / daysInYear(year);
    if (yearEnd >= last) break;
  }
  return cost;
}

export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}
export function yearEnd(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** Spent (1 January to the as-of date) and committed (the day after to 31 December) in the as-of year. */
export function yearSplit(grant: GrantPeriodBasis, asOf: IsoDate): { spent: number; committed: number } {
  return yearSplitter(asOf)(grant);
}

/**
 * yearSplit for many grants at one as-of date: the year's bounds are worked out once, and as
 * every day of one year weighs the same, each grant costs two clipped day counts.
 */
export function yearSplitter(asOf: IsoDate): (grant: GrantPeriodBasis) => { spent: number; committed: number } {
  const year = yearOf(asOf);
  const first = toDayNumber(yearStart(year));
  const last = toDayNumber(yearEnd(year));
  const cut = toDayNumber(asOf);
  const days = daysInYear(year);
  return (grant) => {
    const start = Math.max(first, toDayNumber(grant.startDate));
    const end = Math.min(last, grant.endDate === null ? last : toDayNumber(grant.endDate));
    if (end < start) return { spent: 0, committed: 0 };
    const perDay = yearlyCost(grant) / days;
    return {
      spent: Math.max(0, Math.min(end, cut) - start + 1) * perDay,
      committed: Math.max(0, end - Math.max(start, cut + 1) + 1) * perDay,
    };
  };
}

/** Full-year cost in `year`: what the grant adds to that year's forecast. */
export function costInYear(grant: GrantPeriodBasis, year: number): number {
  return costInPeriod(grant, yearStart(year), yearEnd(year));
}

/** Cost per calendar month of `year` (index 0 = January). */
export function monthlyCosts(grant: GrantPeriodBasis, year: number): number[] {
  return monthlySplitter(year)(grant);
}

/** monthlyCosts for many grants in one year, with the months' bounds worked out once. */
export function monthlySplitter(year: number): (grant: GrantPeriodBasis) => number[] {
  const bounds: [number, number][] = [];
  for (let m = 0; m < 12; m++) bounds.push([Date.UTC(year, m, 1) / 86_400_000, Date.UTC(year, m + 1, 0) / 86_400_000]);
  const days = daysInYear(year);
  return (grant) => {
    const start = toDayNumber(grant.startDate);
    const end = grant.endDate === null ? Number.POSITIVE_INFINITY : toDayNumber(grant.endDate);
    const perDay = yearlyCost(grant) / days;
    return bounds.map(([from, to]) => Math.max(0, Math.min(end, to) - Math.max(start, from) + 1) * perDay);
  };
}

/** Active on the date: started on or before it and not ended before it. */
export function isActiveOn(grant: Pick<Grant, 'startDate' | 'endDate'>, date: IsoDate): boolean {
  return grant.startDate <= date && (grant.endDate === null || grant.endDate >= date);
}

// ---------------------------------------------------------------------------------------------
// The team's bottom line

export type BottomLineStatus = 'on_zero' | 'under' | 'over';

export interface BottomLineFigures {
  budget: number;
  spent: number;
  committed: number;
  forecast: number;
  /** budget − forecast: positive when under budget. */
  bottomLine: number;
  /** |bottom line| allowed for "på nul", in kroner. */
  toleranceAmount: number;
  status: BottomLineStatus;
}

/**
 * The team is "på nul" when |bottom line| ≤ tolerance × budget (tolerance as a share, 0.01 = 1 %).
 * Outside it the team is under budget (money left unused) or over budget.
 */
export function bottomLine(input: { budget: number; spent: number; committed: number; tolerance: number }): BottomLineFigures {
  const forecast = input.spent + input.committed;
  const line = input.budget - forecast;
  const toleranceAmount = Math.abs(input.budget) * input.tolerance;
  const status: BottomLineStatus = Math.abs(line) <= toleranceAmount + 1e-6 ? 'on_zero' : line > 0 ? 'under' : 'over';
  return { budget: input.budget, spent: input.spent, committed: input.committed, forecast, bottomLine: line, toleranceAmount, status };
}

/** Rounds kroner to øre for output (CLI JSON, API results); the arithmetic itself stays unrounded. */
export function roundOere(value: number): number {
  const rounded = Math.round((value + Number.EPSILON) * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

// ---------------------------------------------------------------------------------------------
// Pipeline: the expected cost of pending applications, shown apart from the forecast

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** approved ÷ (approved + rejected); `fallback` when nothing has been decided yet. */
export function approvalRate(approved: number, rejected: number, fallback: number): number {
  const decided = approved + rejected;
  return decided > 0 ? approved / decided : fallback;
}

/**
 * Expected cost in the as-of year of granting a pending application: the typical yearly cost of
 * a grant under its paragraph, prorated from the day after the as-of date to 31 December.
 */
export function expectedGrantCost(typicalYearlyCost: number, asOf: IsoDate): number {
  return yearSplit({ takst: typicalYearlyCost, takstUnit: 'year', quantity: 1, startDate: asOf, endDate: null }, asOf).committed;
}

export interface PendingApplication {
  paragraph: string;
}

/**
 * Σ expected cost × approval rate. The typical yearly cost is the median of the team's active
 * grants under the application's paragraph, or of all the team's active grants when the
 * paragraph has none; an application with neither adds nothing.
 */
export function pipeline(
  applications: readonly PendingApplication[],
  medianByParagraph: ReadonlyMap<string, number>,
  teamMedian: number | null,
  rate: number,
  asOf: IsoDate,
): number {
  // Proration is linear in the yearly cost: work out the remaining share of the year once.
  const remainingShare = expectedGrantCost(1, asOf);
  let total = 0;
  for (const application of applications) {
    const typical = medianByParagraph.get(application.paragraph) ?? teamMedian;
    if (typical !== null) total += typical * remainingShare;
  }
  return total * rate;
}

// ---------------------------------------------------------------------------------------------
// The effect of a grant change ("what if")

/** Change in the year's forecast when `before` becomes `after` (null = no grant). */
export function forecastEffect(before: GrantPeriodBasis | null, after: GrantPeriodBasis | null, year: number): number {
  return (after ? costInYear(after, year) : 0) - (before ? costInYear(before, year) : 0);
}

// ---------------------------------------------------------------------------------------------
// Takst categories (Syddjurs, seed 003) and the dated takst catalogue

export const SUPPORT_GOALS = ['developing', 'maintaining'] as const;
export type SupportGoal = (typeof SUPPORT_GOALS)[number];

export interface TakstCategory {
  id: number;
  code: string;
  label: string;
  /** Lower bound of the bracket in hours per week (shown; the upper bound decides). */
  minHours: number;
  /** Upper bound, inclusive; null for the open bracket ("over 25 = individuel"). */
  maxHours: number | null;
  followUpMonthsDeveloping: number;
  followUpMonthsMaintaining: number;
}

/** The bracket holding `hoursPerWeek`: the first by upper bound with hours ≤ upper bound. */
export function takstCategoryFor(hoursPerWeek: number, categories: readonly TakstCategory[]): TakstCategory | null {
  const ordered = [...categories].sort((a, b) => (a.maxHours ?? Infinity) - (b.maxHours ?? Infinity));
  return ordered.find((c) => hoursPerWeek >= 0 && (c.maxHours === null || hoursPerWeek <= c.maxHours)) ?? null;
}

/** The category of a grant: only hour takster are measured in hours per week. */
export function grantCategory(grant: Pick<Grant, 'takstUnit' | 'quantity'>, categories: readonly TakstCategory[]): TakstCategory | null {
  return grant.takstUnit === 'hour' ? takstCategoryFor(grant.quantity, categories) : null;
}

export function followUpMonthsFor(category: TakstCategory, goal: SupportGoal): number {
  return goal === 'developing' ? category.followUpMonthsDeveloping : category.followUpMonthsMaintaining;
}

export interface DatedPrice {
  validFrom: IsoDate;
  takst: number;
}

/** The price in force on `date`: the latest with validFrom ≤ date, or null before the first. */
export function priceOn<P extends DatedPrice>(prices: readonly P[], date: IsoDate): P | null {
  let best: P | null = null;
  for (const p of prices) if (p.validFrom <= date && (best === null || p.validFrom > best.validFrom)) best = p;
  return best;
}

/** Relative deviation from a reference median at which a caseworker's median takst is marked. */
export const TAKST_OUTLIER_SHARE = 0.2;

export function isTakstOutlier(personMedian: number, departmentMedian: number, share = TAKST_OUTLIER_SHARE): boolean {
  if (departmentMedian <= 0) return false;
  return Math.abs(personMedian - departmentMedian) / departmentMedian > share;
}

// ---------------------------------------------------------------------------------------------
// How the event log and the drill-down name a grant

const UNIT_LABEL: Record<TakstUnit, string> = { hour: 't/uge', day: 'døgn', week: 'uge', month: 'md.', year: 'år' };

/** "§ 85 Socialpædagogisk støtte, 5 t/uge à 512 kr. (Bostøtten Øst)": how the ledger names a grant. */
export function describeGrant(g: Pick<Grant, 'paragraph' | 'service' | 'provider' | 'takst' | 'takstUnit' | 'quantity'>): string {
  // Quarter hours stay exact: 19,25 t/uge, not 19,3.
  const amount = g.takstUnit === 'hour' ? `${formatNumber(g.quantity, Number.isInteger(g.quantity) ? 0 : Number.isInteger(g.quantity * 10) ? 1 : 2)} t/uge à ${formatKroner(g.takst)}` : `${formatKroner(g.takst)} pr. ${UNIT_LABEL[g.takstUnit]}${g.quantity !== 1 ? ` × ${formatNumber(g.quantity, 1)}` : ''}`;
  return `${formatParagraph(g.paragraph)} ${g.service}, ${amount} (${g.provider})`;
}
