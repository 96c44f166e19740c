// Grant arithmetic (issue "Economics"): yearly cost by takst unit and cost within a period,
// day by day, each day weighing 1 / (days in that day's year). Kroner, unrounded.
import type { Grant, IsoDate, TakstUnit } from './domain';
import { daysInYear, toDayNumber, yearOf } from './dates';

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
  for (let year = yearOf(dateOf(first)); ; year++) {
    const yearStart = toDayNumber(`${year}-01-01`);
    const yearEnd = toDayNumber(`${year}-12-31`);
    const segmentStart = Math.max(first, yearStart);
    const segmentEnd = Math.min(last, yearEnd);
    if (segmentEnd >= segmentStart) cost += ((segmentEnd - segmentStart + 1) * perYear) / daysInYear(year);
    if (yearEnd >= last) break;
  }
  return cost;
}

function dateOf(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
