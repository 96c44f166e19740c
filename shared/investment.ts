// Investment cases (investeringsforslag), modelled on seed 002's table 1: every year from the
// start date a cohort of citizens moves from a costly service to a cheaper one, on the start
// date's anniversary, and each stays a fixed time. Pure arithmetic, shared by the plan view,
// the service (planned and realised side) and the finance department's `invest` CLI command.
import { z } from 'zod';
import { addMonths, daysBetween, daysInYear, isIsoDate, yearOf } from './dates';
import type { IsoDate } from './domain';
import { roundOere } from './economics';

const YEAR_KEY = /^\d{4}$/;
const kroner = z.number().finite().min(-1e11).max(1e11);

const costLine = z
  .object({
    label: z.string().trim().min(1, { message: 'Angiv en betegnelse for omkostningen' }).max(200),
    perYear: z.record(
      z.string().regex(YEAR_KEY, { message: 'Årstallet skal skrives ÅÅÅÅ, fx "2027"' }),
      kroner,
    ),
  })
  .strict();

/** The input of `invest --input FILE` and of an investment case on a plan goal. */
export const investmentInput = z
  .object({
    start: z.string().refine(isIsoDate, { message: 'Ugyldig dato: brug formatet ÅÅÅÅ-MM-DD' }),
    years: z
      .tuple([z.number().int().min(1900).max(2200), z.number().int().min(1900).max(2200)])
      .refine(([first, last]) => first <= last, { message: 'Første år skal ligge før eller være lig med sidste år' })
      .refine(([first, last]) => last - first <= 60, { message: 'Højst 60 år i en beregning' }),
    citizensPerYear: z.number().finite().min(0).max(1_000_000),
    durationYears: z
      .number()
      .finite()
      .gt(0)
      .max(100)
      .refine((d) => Math.round(d * 12) >= 1, { message: 'Opholdet skal vare mindst en måned' }),
    savingPerCitizenYear: kroner,
    replacementCostPerCitizenYear: kroner,
    runningCosts: z.array(costLine).max(50),
    implementationCosts: z.array(costLine).max(50),
  })
  .strict();

export type InvestmentInput = z.output<typeof investmentInput>;
export type CostLine = InvestmentInput['runningCosts'][number];

export interface InvestmentYear {
  year: number;
  personYears: number;
  grossSaving: number;
  replacementCost: number;
  runningCosts: number;
  netChange: number;
  implementationCosts: number;
  totalEffect: number;
}

export interface InvestmentResult {
  years: InvestmentYear[];
  /** Calendar years, the start year counting as year 1, until the cumulative total effect is ≤ 0; null when never. */
  paybackYears: number | null;
}

/** A stay of `durationYears` in whole months (3 → 36, 2.5 → 30): stays end on a calendar date. */
export function stayMonths(durationYears: number): number {
  return Math.max(1, Math.round(durationYears * 12));
}

/**
 * Person-years of all cohorts in a calendar year: each cohort arrives on the start date's
 * anniversary and stays `durationYears`; a citizen present part of the year counts as
 * days present ÷ days in that year. The day a stay ends is the first day away.
 */
export function personYearsIn(year: number, start: IsoDate, citizensPerYear: number, durationYears: number): number {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const months = stayMonths(durationYears);
  let days = 0;
  for (let k = 0; ; k++) {
    const arrives = addMonths(start, 12 * k);
    // Stryker disable next-line EqualityOperator: a cohort arriving on the next 1 January adds no day to this year either way.
    if (arrives >= until) break;
    const leaves = addMonths(start, 12 * k + months);
    // Stryker disable next-line EqualityOperator: leaving on 1 January adds no day either way.
    if (leaves <= from) continue;
    // Stryker disable next-line EqualityOperator: at equality both sides are the same day.
    const first = arrives > from ? arrives : from;
    // Stryker disable next-line EqualityOperator: at equality both sides are the same day.
    const last = leaves < until ? leaves : until;
    days += daysBetween(first, last);
  }
  return (citizensPerYear * days) / daysInYear(year);
}

function lineSum(lines: readonly CostLine[], year: number): number {
  let sum = 0;
  for (const line of lines) sum += line.perYear[String(year)] ?? 0;
  return sum;
}

/** One year's lines from person-years and the cost lines (unrounded kroner). */
export function yearLines(
  year: number,
  personYears: number,
  input: Pick<InvestmentInput, 'savingPerCitizenYear' | 'replacementCostPerCitizenYear' | 'runningCosts' | 'implementationCosts'>,
): InvestmentYear {
  const grossSaving = personYears * input.savingPerCitizenYear;
  const replacementCost = personYears * input.replacementCostPerCitizenYear;
  const runningCosts = lineSum(input.runningCosts, year);
  const implementationCosts = lineSum(input.implementationCosts, year);
  const netChange = replacementCost + runningCosts - grossSaving;
  return {
    year, personYears, grossSaving, replacementCost, runningCosts, netChange, implementationCosts,
    totalEffect: netChange + implementationCosts,
  };
}

/**
 * Payback time: the cumulative total effect is summed from the first year given (costs may come
 * before the start), and the first year from the start year on where it is zero or negative
 * gives the answer, the start year counting as year 1. Null when that never happens.
 */
export function paybackYears(years: readonly Pick<InvestmentYear, 'year' | 'totalEffect'>[], startYear: number): number | null {
  let cumulative = 0;
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    cumulative += y.totalEffect;
    // Rounding noise must not turn "exactly zero" into "just above".
    if (y.year >= startYear && cumulative <= 1e-6) return y.year - startYear + 1;
  }
  return null;
}

/** The planned investment case, unrounded. Years between the start year and the range are computed for the payback. */
export function computeInvestment(input: InvestmentInput): InvestmentResult {
  const [first, last] = input.years;
  const startYear = yearOf(input.start);
  const from = Math.min(first, startYear);
  const all: InvestmentYear[] = [];
  for (let year = from; year <= last; year++) {
    all.push(yearLines(year, personYearsIn(year, input.start, input.citizensPerYear, input.durationYears), input));
  }
  return { years: all.filter((y) => y.year >= first), paybackYears: paybackYears(all, startYear) };
}

/** Kroner and person-years rounded to two decimals, as `invest --json` prints them. */
export function roundInvestment(result: InvestmentResult): InvestmentResult {
  return {
    years: result.years.map((y) => ({
      year: y.year,
      personYears: roundOere(y.personYears),
      grossSaving: roundOere(y.grossSaving),
      replacementCost: roundOere(y.replacementCost),
      runningCosts: roundOere(y.runningCosts),
      netChange: roundOere(y.netChange),
      implementationCosts: roundOere(y.implementationCosts),
      totalEffect: roundOere(y.totalEffect),
    })),
    paybackYears: result.paybackYears,
  };
}

/** Seed 002 (Københavns Kommune, "Styrket visitation til botilbud"), table 1, as an input. */
export const SEED_002_INVESTMENT: InvestmentInput = {
  start: '2026-07-01',
  years: [2026, 2030],
  citizensPerYear: 12,
  durationYears: 3,
  // Table 1 implies 26.7 mio. kr. for 36 citizen-years at full phase-in, and 6.6 mio. kr. of § 85.
  savingPerCitizenYear: 741_700,
  replacementCostPerCitizenYear: 183_300,
  runningCosts: [
    { label: 'Ressourcer til sagsbehandlere', perYear: { '2026': 2_610_000, '2027': 5_220_000, '2028': 5_220_000, '2029': 5_220_000, '2030': 5_220_000 } },
    { label: 'Juridisk understøttelse', perYear: { '2026': 390_000, '2027': 780_000, '2028': 780_000, '2029': 780_000, '2030': 780_000 } },
  ],
  implementationCosts: [
    { label: 'Projektledelse (2,5 år)', perYear: { '2026': 390_000, '2027': 780_000, '2028': 780_000 } },
    { label: 'Kompetenceudvikling', perYear: { '2026': 200_000, '2027': 200_000, '2028': 200_000 } },
    { label: 'Eftersyn af omstilling af visitationen (ekstern rådgivning)', perYear: { '2027': 250_000 } },
  ],
};
